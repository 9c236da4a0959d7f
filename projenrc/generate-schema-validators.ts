/**
 * The pipeline-definition schema's precompiled validator (schemas/pipeline-definition.validators.js):
 * ajv's standalone code for the corrected schema, so that no synth compiles the schema.
 *
 * `npx projen schema-validators` writes the file; a test fails when the committed one differs from
 * a fresh generation (after a change to the schema, SCHEMA_CORRECTIONS or ajv).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_VALIDATORS_FILE, renderSchemaValidators } from '../src/pipeline-definition/schema';

fs.writeFileSync(SCHEMA_VALIDATORS_FILE, renderSchemaValidators());
console.log(`wrote ${path.relative(process.cwd(), SCHEMA_VALIDATORS_FILE)}`);
