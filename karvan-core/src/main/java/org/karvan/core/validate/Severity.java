package org.karvan.core.validate;

/** How serious a problem is: an error stops a network from loading, a warning does not. */
public enum Severity {
  ERROR,
  WARNING
}
