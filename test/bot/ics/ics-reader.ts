import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';

/** Reads outbox `.ics` files with ical.js, as a calendar client would. */
export interface ParsedCalendar {
  text: string;
  root: ICAL.Component;
  method: string;
  vevents: ICAL.Component[];
}

export async function readCalendar(dir: string, name: string): Promise<ParsedCalendar> {
  const text = await readFile(join(dir, name), 'utf8');
  const root = new ICAL.Component(ICAL.parse(text));
  return {
    text,
    root,
    method: String(root.getFirstPropertyValue('method')),
    vevents: root.getAllSubcomponents('vevent'),
  };
}

export interface Occurrence {
  /** London wall clock, `YYYY-MM-DDTHH:MM:SS`. */
  local: string;
  utc: string;
  /** When the pattern put it, London wall clock. */
  due: string;
}

/** Expands the master VEVENT, with any overrides from this or other files related to it. */
export function expand(master: ICAL.Component, overrides: ICAL.Component[] = []): Occurrence[] {
  const event = new ICAL.Event(master);
  for (const override of overrides) event.relateException(override);
  const iterator = event.iterator();
  const occurrences: Occurrence[] = [];
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    occurrences.push({
      local: details.startDate.toString(),
      utc: details.startDate.toJSDate().toISOString(),
      due: next.toString(),
    });
    if (occurrences.length > 100) throw new Error('The recurrence does not end');
  }
  return occurrences;
}

/** Property names of a component, in order. */
export function propertyNames(component: ICAL.Component): string[] {
  return component.getAllProperties().map((p) => p.name);
}
