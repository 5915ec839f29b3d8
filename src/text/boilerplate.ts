/**
 * Line rules for page furniture that sits inside article containers: "Baca juga" links, "Editor:" lines,
 * date and view-count lines, share bars, tag lists, comment forms. The rules are data
 * (`data/text-boilerplate.json`); this file compiles them and applies them to a list of blocks.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Rule = z.object({
  name: z.string().min(1),
  pattern: z.string().min(1),
  maxChars: z.number().int().positive().optional(),
  action: z.enum(['drop', 'stop', 'tail']),
});
const BoilerplateFile = z.object({ months: z.string(), days: z.string(), rules: z.array(Rule) });

const FILE = new URL('../../data/text-boilerplate.json', import.meta.url);
const data = BoilerplateFile.parse(JSON.parse(readFileSync(FILE, 'utf8')));

/** Month and day-name alternations (Indonesian and English), shared with the date parser. */
export const MONTHS_SOURCE = data.months;
export const DAYS_SOURCE = data.days;

/** A compiled line rule. */
export interface LineRule {
  name: string;
  re: RegExp;
  maxChars: number;
  action: 'drop' | 'stop' | 'tail';
}

export const LINE_RULES: LineRule[] = data.rules.map((r) => ({
  name: r.name,
  re: new RegExp(r.pattern.replaceAll('MONTHS', data.months).replaceAll('DAYS', data.days), 'iu'),
  maxChars: r.maxChars ?? 60,
  action: r.action,
}));

/** The first rule a block of text breaks, or null when it reads as article text. */
export function boilerplateRule(text: string): LineRule | null {
  const t = text.trim();
  for (const r of LINE_RULES) if (t.length <= r.maxChars && r.re.test(t)) return r;
  return null;
}
