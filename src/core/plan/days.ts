/**
 * Calendar days as `YYYY-MM-DD` keys. Plans, streaks and reviews count whole days, so every time is turned
 * into the day it fell on in the learner's time zone: `utcOffsetMinutes` is minutes east of UTC (what
 * `-new Date().getTimezoneOffset()` gives), 0 for UTC days (the CLI with `--today`).
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** The day a moment falls on. */
export function dayOf(time: Date | number, utcOffsetMinutes = 0): string {
  const ms = typeof time === 'number' ? time : time.getTime();
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The day of an ISO time from progress, or undefined for '' ("unknown") and anything unreadable. */
export function dayOfIso(at: string, utcOffsetMinutes = 0): string | undefined {
  const ms = at === '' ? Number.NaN : Date.parse(at);
  return Number.isNaN(ms) ? undefined : dayOf(ms, utcOffsetMinutes);
}

/** True for a `YYYY-MM-DD` text naming a real day (not 2024-02-30). */
export function isDayKey(text: string): boolean {
  if (!DAY_KEY.test(text)) {
    return false;
  }
  const ms = Date.parse(`${text}T00:00:00.000Z`);
  return !Number.isNaN(ms) && dayOf(ms) === text;
}

/** Midnight UTC of a day key, as a number of milliseconds. */
function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return dayOf(dayStart(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY_MS);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayOf(day: string): number {
  return (new Date(dayStart(day)).getUTCDay() + 6) % 7;
}
