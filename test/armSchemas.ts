/**
 * Validates ARM template resources against Microsoft's published resource schemas (trimmed copies in
 * test/fixtures/arm-schemas/, see its README), the way a strict reviewer would: every object the schemas leave open
 * is closed, so a misspelt or invented property fails instead of being ignored by the schema and then by Azure.
 *
 * The schemas are draft-04 and describe a discriminated union (a bot channel's channelName and properties) as an
 * allOf of a closed base and the chosen variant, which no instance could satisfy if each part were closed on its own.
 * Closing therefore uses JSON Schema 2019-09's unevaluatedProperties at the object that holds the allOf, which
 * sees the properties every part evaluated, and opens the parts themselves.
 */
import Ajv2019, { ErrorObject, ValidateFunction } from 'ajv/dist/2019';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/config';

export const SCHEMA_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'arm-schemas');

type Json = Record<string, unknown>;

/** Keys a template resource may carry that belong to the template language, not to the resource type's schema. */
const TEMPLATE_KEYS = ['condition', 'dependsOn', 'comments', 'copy', 'scope'];

function schemaFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return schemaFiles(path);
    return /^Microsoft\.|^definitions\.json$/.test(name) && name.endsWith('.json') ? [path] : [];
  });
}

/** Closes open objects in place (see the header); allOfPart: this schema is one part of an allOf. */
export function closeObjects(schema: unknown, allOfPart = false): void {
  if (Array.isArray(schema)) {
    for (const s of schema) closeObjects(s, false);
    return;
  }
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Json;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'allOf' && Array.isArray(value)) for (const part of value) closeObjects(part, true);
    else if (key === 'properties' || key === 'definitions' || key === 'resourceDefinitions') {
      for (const child of Object.values(value as Json)) closeObjects(child, false);
    } else if (key !== 'enum' && key !== 'const' && key !== 'required') closeObjects(value, false);
  }
  const describesObject = 'properties' in node || Array.isArray(node.allOf);
  if (!describesObject) return;
  if (allOfPart) {
    if (node.additionalProperties === false) delete node.additionalProperties;
    return;
  }
  if (node.additionalProperties === undefined || node.additionalProperties === false) {
    delete node.additionalProperties;
    node.unevaluatedProperties = false;
  }
}

export interface SchemaProblem {
  path: string;
  message: string;
}

export class ArmSchemas {
  private readonly ajv = new Ajv2019({ allErrors: true, strict: false, validateFormats: false });
  private readonly validators = new Map<string, ValidateFunction>();
  /** resource type (lower case) + api version -> [schema id, definition name] */
  private readonly index = new Map<string, { id: string; definition: string }>();

  constructor(dir = SCHEMA_DIR) {
    for (const file of schemaFiles(dir)) {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as Json;
      const id = String(schema.id);
      delete schema.id;
      delete schema.$schema;
      schema.$id = id;
      closeObjects(schema);
      this.ajv.addSchema(schema);
      const apiVersion = /\/schemas\/([^/]+)\//.exec(id)?.[1];
      for (const definition of Object.keys((schema.resourceDefinitions as Json) ?? {})) {
        const namespace = String(schema.title);
        const type = `${namespace}/${definition.split('_').join('/')}`;
        this.index.set(`${type.toLowerCase()}@${apiVersion}`, { id, definition });
      }
    }
  }

  /** Resource types and API versions the vendored schemas cover. */
  covered(): string[] {
    return [...this.index.keys()];
  }

  /** Problems with one resource (raw with expressions, or evaluated); an empty list means valid. */
  validate(resource: Json): SchemaProblem[] {
    const key = `${String(resource.type).toLowerCase()}@${String(resource.apiVersion)}`;
    const schema = this.index.get(key);
    if (!schema)
      return [
        {
          path: '',
          message: `no vendored schema for ${resource.type} at API version ${resource.apiVersion} (run test/fixtures/arm-schemas/extract.mjs)`,
        },
      ];
    let compiled = this.validators.get(key);
    if (!compiled) {
      compiled = this.ajv.compile({ $ref: `${schema.id.replace(/#$/, '')}#/resourceDefinitions/${schema.definition}` });
      this.validators.set(key, compiled);
    }
    const validate = compiled;
    const body: Json = { ...resource };
    const problems: SchemaProblem[] = [];
    for (const k of TEMPLATE_KEYS) delete body[k];
    if (resource.scope !== undefined && typeof resource.scope !== 'string') problems.push({ path: '/scope', message: 'must be a string' });
    // A child resource declared at the top of a template is named parent/child. Some schemas describe that whole
    // name (storage: "^.*/default$"), others the child's own (bot channels: an enum of channel names): either form
    // may satisfy the type's schema. A name still written as an expression is ARM's to check, not the schema's.
    const name = String(resource.name);
    const nameIsExpression = name.startsWith('[') && !name.startsWith('[[');
    const attempt = (nameValue: string | undefined): SchemaProblem[] => {
      const candidate = { ...body, name: nameValue };
      if (nameValue === undefined) delete candidate.name;
      if (validate(candidate)) return [];
      return readable(validate.errors ?? []).filter(
        (p: SchemaProblem) => !(nameValue === undefined && p.path === '/' && /required property 'name'/.test(p.message)),
      );
    };
    let found = attempt(nameIsExpression ? undefined : name);
    if (!nameIsExpression && name.includes('/') && found.some((p) => p.path === '/name')) {
      const short = attempt(name.split('/').pop());
      if (!short.some((p) => p.path === '/name')) found = short;
    }
    problems.push(...found);
    return problems;
  }
}

/**
 * Ajv reports every branch of every oneOf ("value or expression"); keep the errors that say what is wrong: unknown
 * properties, wrong enum values, missing required properties, and type errors not explained by a deeper error.
 */
function readable(errors: ErrorObject[]): SchemaProblem[] {
  const out = new Map<string, SchemaProblem>();
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'allOf' || e.keyword === 'if') continue;
    if (e.keyword === 'pattern' && String(e.params.pattern).startsWith('^\\[')) continue; // "or an expression"
    if (
      e.keyword === 'type' &&
      e.params.type === 'string' &&
      errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'type')
    )
      continue;
    let message = e.message ?? e.keyword;
    if (e.keyword === 'unevaluatedProperties') message = `unknown property "${String(e.params.unevaluatedProperty)}"`;
    if (e.keyword === 'enum') message = `must be one of ${JSON.stringify(e.params.allowedValues)}`;
    const problem = { path: e.instancePath || '/', message };
    out.set(`${problem.path} ${problem.message}`, problem);
  }
  return [...out.values()];
}
