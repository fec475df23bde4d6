package org.karvan.io.tntp;

/** Braess's network in TNTP form (written for Karvan's tests; not TNTP data). */
public final class TntpReaderTestData {
  private TntpReaderTestData() {}

  public static final String NET =
      """
      <NUMBER OF ZONES> 4
      <NUMBER OF NODES> 4
      <FIRST THRU NODE> 1
      <NUMBER OF LINKS> 5
      <END OF METADATA>

      ~ init term capacity length fft b power speed toll type ;
      \t1\t2\t1\t1\t0.000001\t10000000\t1\t0\t0\t1\t;
      \t3\t4\t1\t1\t0.000001\t10000000\t1\t0\t0\t1\t;
      \t1\t3\t1\t1\t50\t0.02\t1\t0\t0\t1\t;
      \t2\t4\t1\t1\t50\t0.02\t1\t0\t0\t1\t;
      \t2\t3\t1\t1\t10\t0.1\t1\t0\t0\t1;
      """;

  public static final String TRIPS =
      """
      <NUMBER OF ZONES> 4
      <TOTAL OD FLOW> 6.0
      <END OF METADATA>

      Origin 1
          4 :   6.0;  2 : 0.0;
      """;
}
