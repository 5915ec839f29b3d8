/**
 * Flag errors in our words: a zod issue about a flag becomes "--workers: "abc" is not a number", never the
 * validation library's own wording ("Invalid input: expected number, received NaN").
 */
import type { z } from 'zod';

/** Exit code of a usage error (bad flag, missing argument): 2, as the README says; 1 is a failure of the work itself. */
export const USAGE_EXIT = 2;

function flagName(path: PropertyKey[]): string {
  return path.length ? '--' + path.map(String).join('.').replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()) : 'the argument';
}

function givenValue(raw: unknown, path: PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return path.length ? v : raw;
}

/** True for zod's default wording (a message we did not write). */
function isLibraryWording(message: string): boolean {
  return /^(Invalid|Too (small|big)|Expected|Required)\b/.test(message);
}

/**
 * What is wrong with one value, in our words: `"abc" is not a number`, `-1 is not above 0`. A message the schema
 * author wrote is kept; only the validation library's default wording is replaced.
 */
export function valueMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  const given = givenValue(raw, issue.path);
  const shown = given === undefined ? 'nothing' : JSON.stringify(given);
  if (!isLibraryWording(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (given === undefined) return 'missing (required)';
      return `${shown} is not ${issue.expected === 'int' ? 'a whole number' : issue.expected === 'number' ? 'a number' : `a ${issue.expected}`}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)}`;
      return issue.inclusive === false ? `${shown} is not above ${String(issue.minimum)}` : `${shown} is below the smallest allowed value, ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `longer than ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `more than ${String(issue.maximum)}`;
      return issue.inclusive === false ? `${shown} is not below ${String(issue.maximum)}` : `${shown} is above the largest allowed value, ${String(issue.maximum)}`;
    case 'invalid_value':
      return `${shown} is not one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_format':
      return `${shown} is not in the expected form${'pattern' in issue && issue.pattern ? ` (${String(issue.pattern)})` : ''}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    default:
      return `${shown} is not accepted here`;
  }
}

/** One line naming the flag, what was given and what is accepted. */
export function flagMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.message.startsWith('--')) return issue.message;
  const name = flagName(issue.path);
  if (issue.code === 'invalid_type' && givenValue(raw, issue.path) === undefined && isLibraryWording(issue.message)) return `${name} is required`;
  return `${name}: ${valueMessage(issue, raw)}`;
}

/** The first issue of a failed parse, as `flagMessage` words it. */
export function firstFlagMessage(error: z.ZodError, raw: unknown): string {
  return flagMessage(error.issues[0]!, raw);
}
