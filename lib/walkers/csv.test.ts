import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('Ana "La Flaca", Pérez')).toBe('"Ana ""La Flaca"", Pérez"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
  });
  it("neutralises spreadsheet formulas", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1 868 555 0100")).toBe("'+1 868 555 0100");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  });
  it("writes empty cells for missing values and ISO dates", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(new Date("2027-08-01T10:00:00Z"))).toBe("2027-08-01T10:00:00.000Z");
  });
  it("ends rows with CRLF", () => {
    expect(csvRow(["a", 1, true])).toBe("a,1,true\r\n");
  });
});
