package org.karvan.core.assign;

/** Static assignment methods. */
public enum Method {
  /** All-or-nothing at free-flow costs: one shortest-path loading. */
  AON,
  /** Method of successive averages: step 1/k towards the all-or-nothing flows. */
  MSA,
  /** Frank-Wolfe (1956) with an exact line search on the Beckmann objective. */
  FW,
  /** Conjugate Frank-Wolfe (Mitradjieva and Lindberg 2013). */
  CFW,
  /** Bi-conjugate Frank-Wolfe (Mitradjieva and Lindberg 2013), as in AequilibraE. */
  BFW
}
