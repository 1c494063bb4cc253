import type { PathSegment } from './schema-form/schema';

/** The sections of the editor's form, in the order of its navigation. */
export const sections = [
  'metadata',
  'call',
  'instance',
  'parties',
  'script',
  'goals',
  'questions',
  'rubric',
  'reference',
  'tests',
] as const;
/** One section of the form. */
export type Section = (typeof sections)[number];

/** The top-level properties that have a section of their own (the rest are metadata). */
export const listSections: ReadonlyArray<Section> = [
  'parties',
  'script',
  'goals',
  'questions',
  'rubric',
  'reference',
  'tests',
];

/** The section that shows the value at a path. */
export function sectionOf(segments: ReadonlyArray<PathSegment>): Section {
  const [first, second] = segments;
  if (first === 'call') return second === 'instance' ? 'instance' : 'call';
  if (typeof first === 'string' && (listSections as ReadonlyArray<string>).includes(first)) {
    return first as Section;
  }
  return 'metadata';
}
