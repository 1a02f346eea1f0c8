import { formatClock, parseClock } from "../../../src/core/calendar/calendar";

describe("parseClock", () => {
  it.each([
    ["09:00", 540],
    ["9:00", 540],
    ["18:00", 1080],
    [" 08:30 ", 510],
    ["00:00", 0],
    ["23:59", 1439],
    ["24:00", 1440],
    ["０９：００", 540],
    ["9：30", 570],
  ])("%s → %d", (text, minutes) => expect(parseClock(text)).toBe(minutes));

  it.each(["", "9", "09:0", "09:60", "25:00", "24:01", "9.00", "09:00:00", "-1:00", "九点", "09:00 AM"])("%s is not a clock time", (text) =>
    expect(parseClock(text)).toBeUndefined(),
  );
});

describe("formatClock", () => {
  it("pads hours and minutes", () => {
    expect([formatClock(540), formatClock(0), formatClock(1439), formatClock(1440), formatClock(65)]).toEqual([
      "09:00",
      "00:00",
      "23:59",
      "24:00",
      "01:05",
    ]);
  });
  it("shows an impossible value as given rather than inventing a time", () => {
    expect([formatClock(-1), formatClock(1441), formatClock(540.5)]).toEqual(["-1", "1441", "540.5"]);
  });
  it("round-trips with parseClock", () => {
    for (let m = 0; m <= 1440; m++) expect(parseClock(formatClock(m))).toBe(m);
  });
});
