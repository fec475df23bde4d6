package org.karvan.core.model;

import java.time.LocalDate;
import java.util.Objects;

/** A cited source: a publication, a web page, a computation or a documented estimate. */
public record Source(
    String id,
    String title,
    String publisher,
    String url,
    LocalDate published,
    LocalDate accessed,
    Reliability reliability,
    String note,
    Origin origin) {
  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    publisher = publisher == null ? "" : publisher;
    url = url == null ? "" : url;
    Objects.requireNonNull(reliability, "reliability");
    note = note == null ? "" : note;
    Objects.requireNonNull(origin, "origin");
  }
}
