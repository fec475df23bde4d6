package org.karvan.spark;

import java.time.LocalDate;
import org.karvan.app.Fields;
import org.karvan.app.Karvan;

/** Small rules the jobs share. */
final class Jobs {
  private Jobs() {}

  /**
   * The request date, fixed on the driver (today by the driver's clock when none is given), so that
   * every executor applies the same dated events whatever its clock says.
   */
  static String date(Karvan k, String date) {
    if (date != null) {
      Fields f = new Fields();
      k.resolver().date(date, f);
      f.throwIfAny();
      return date;
    }
    return LocalDate.now(k.clock()).toString();
  }
}
