import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Assessment, AssessmentSchema } from '../shared/scoring/assessment';
import { parse } from './commands/replay-input';
import { readJsonFile } from './io';

/** The repository's folder of bundled scenarios. */
export const BUNDLED_SCENARIOS = join(__dirname, '../../resources/scenarios');

/** Reads an assessment file, or throws a UsageError naming the file and the fields that are wrong. */
export function readAssessment(path: string): Assessment {
  return parse(AssessmentSchema, readJsonFile(path), path);
}

/** The app's name and version, from package.json, as assessments record them. */
export function appIdentity(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}
