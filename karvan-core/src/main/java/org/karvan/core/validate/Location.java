package org.karvan.core.validate;

/**
 * Where something was read: a file, a 1-based line (0 = unknown) and the column of each field (0 =
 * unknown). Lets {@link Problems} locate a problem without knowing the model.
 */
public interface Location {
  String file();

  int line();

  int column(String field);
}
