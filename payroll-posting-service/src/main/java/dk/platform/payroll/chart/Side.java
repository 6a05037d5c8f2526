package dk.platform.payroll.chart;

/** The side a chart line posts a positive amount on: D (debit) or K (kredit). */
public enum Side { D, K }
