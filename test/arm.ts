/**
 * Just enough of Azure Resource Manager's template language to check deploymentTemplates/azuredeploy.json without
 * Azure: a parser for template expressions ("[concat('a', parameters('b'))]"), and an evaluator for the functions the
 * template uses, with stand-ins for what only a deployment knows (reference(), listKeys(), uniqueString(), ...).
 * The evaluator follows ARM's rules where they matter for the checks: if() evaluates only the branch it takes,
 * parameters get their default values (which may use other parameters) and must satisfy allowedValues, types and
 * min/max, and reference() to a resource that is not deployed (its condition is false) is an error.
 * An unsupported function is an error: add it here rather than guess.
 */

import { createHash } from 'node:crypto';

export type ArmNode =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'call'; name: string; args: ArmNode[] }
  | { kind: 'property'; target: ArmNode; name: string }
  | { kind: 'index'; target: ArmNode; index: ArmNode };

export interface ArmParameter {
  type: string;
  defaultValue?: unknown;
  allowedValues?: unknown[];
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  metadata?: { description?: string };
}

export interface ArmResource {
  type: string;
  apiVersion: string;
  name: string;
  condition?: unknown;
  dependsOn?: string[];
  [key: string]: unknown;
}

export interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, ArmParameter>;
  variables: Record<string, unknown>;
  resources: ArmResource[];
  outputs?: Record<string, { type: string; value: unknown }>;
}

/** A JSON string is a template expression when it is wrapped in [ ]; "[[" escapes a literal "[". */
export function isExpression(value: string): boolean {
  return value.startsWith('[') && value.endsWith(']') && !value.startsWith('[[');
}

export class ArmSyntaxError extends Error {}

/** Parses the text of an expression (with or without the enclosing [ ]). */
export function parseExpression(source: string): ArmNode {
  const text = isExpression(source) ? source.slice(1, -1) : source;
  let pos = 0;
  const fail = (what: string): never => {
    throw new ArmSyntaxError(`${what} at character ${pos} of "${source}"`);
  };
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const expect = (ch: string) => {
    skipSpace();
    if (text[pos] !== ch) fail(`expected "${ch}"`);
    pos++;
  };
  const identifier = (): string => {
    skipSpace();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(pos));
    if (!m) return fail('expected a name');
    pos += m[0].length;
    return m[0];
  };
  const primary = (): ArmNode => {
    skipSpace();
    const ch = text[pos];
    if (ch === "'") {
      let value = '';
      pos++;
      for (;;) {
        if (pos >= text.length) fail('unterminated string');
        if (text[pos] === "'") {
          if (text[pos + 1] === "'") {
            value += "'";
            pos += 2;
            continue;
          }
          pos++;
          return { kind: 'string', value };
        }
        value += text[pos++];
      }
    }
    const num = /^-?\d+(\.\d+)?/.exec(text.slice(pos));
    if (num) {
      pos += num[0].length;
      return { kind: 'number', value: Number(num[0]) };
    }
    const name = identifier();
    expect('(');
    const args: ArmNode[] = [];
    skipSpace();
    if (text[pos] === ')') pos++;
    else {
      for (;;) {
        args.push(expression());
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect(')');
        break;
      }
    }
    return { kind: 'call', name, args };
  };
  const expression = (): ArmNode => {
    let node = primary();
    for (;;) {
      skipSpace();
      if (text[pos] === '.') {
        pos++;
        node = { kind: 'property', target: node, name: identifier() };
      } else if (text[pos] === '[') {
        pos++;
        const index = expression();
        expect(']');
        node = { kind: 'index', target: node, index };
      } else return node;
    }
  };
  const node = expression();
  skipSpace();
  if (pos !== text.length) fail('unexpected text');
  return node;
}

/** Every function call in an expression, depth first. */
export function calls(node: ArmNode): Array<{ name: string; args: ArmNode[] }> {
  switch (node.kind) {
    case 'call':
      return [{ name: node.name, args: node.args }, ...node.args.flatMap(calls)];
    case 'property':
      return calls(node.target);
    case 'index':
      return [...calls(node.target), ...calls(node.index)];
    default:
      return [];
  }
}

/** Visits every string (values and object keys) in a JSON value, with its path. */
export function eachString(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, `${path}[${i}]`, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, `${path}{key ${k}}`);
      eachString(v, `${path}.${k}`, visit);
    }
  }
}

/** Every expression in a JSON value, parsed, with its path. */
export function expressionsIn(value: unknown, path: string): Array<{ path: string; source: string; node: ArmNode }> {
  const found: Array<{ path: string; source: string; node: ArmNode }> = [];
  eachString(value, path, (text, at) => {
    if (isExpression(text)) found.push({ path: at, source: text, node: parseExpression(text) });
  });
  return found;
}

/** The template functions ARM documents (lower case; list* is any function whose name starts with "list"). */
export const ARM_FUNCTIONS = new Set(
  (
    'array concat contains createArray empty filter first flatten indexOf intersection items lambda lambdaVariables last lastIndexOf ' +
    'length map mapValues max min range reduce skip sort take toObject tryGet union objectKeys shallowMerge groupBy ' +
    'coalesce equals greater greaterOrEquals less lessOrEquals dateTimeAdd dateTimeFromEpoch dateTimeToEpoch utcNow ' +
    'deployer deployment environment parameters variables and bool false if not or true add copyIndex div float int mod mul sub ' +
    'createObject json null extensionResourceId managementGroupResourceId pickZones providers reference references resourceGroup ' +
    'resourceId subscription subscriptionResourceId tenant tenantResourceId base64 base64ToJson base64ToString dataUri ' +
    'dataUriToString endsWith format guid newGuid padLeft replace split startsWith string substring toLower toUpper trim ' +
    'uniqueString uri uriComponent uriComponentToString parseCidr cidrSubnet cidrHost fail'
  )
    .split(/\s+/)
    .map((f) => f.toLowerCase()),
);

export function isArmFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return ARM_FUNCTIONS.has(lower) || lower.startsWith('list');
}

export class ArmEvaluationError extends Error {}

/** The template itself stopped the deployment with fail('message'). */
export class ArmDeploymentFailed extends ArmEvaluationError {}

/** What only a real deployment knows; the defaults are recognisable stand-ins. */
export interface DeploymentFacts {
  subscriptionId: string;
  tenantId: string;
  resourceGroup: string;
  location: string;
  storageSuffix: string;
}

export const TEST_FACTS: DeploymentFacts = {
  subscriptionId: '11111111-1111-1111-1111-111111111111',
  tenantId: '22222222-2222-2222-2222-222222222222',
  resourceGroup: 'clinic-bot-rg',
  location: 'westeurope',
  storageSuffix: 'core.windows.net',
};

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** A template together with parameter values, evaluated the way ARM would at deployment. */
export class ArmDeployment {
  private readonly parameterValues = new Map<string, unknown>();
  private readonly variableValues = new Map<string, unknown>();
  private readonly resolving = new Set<string>();

  constructor(
    readonly template: ArmTemplate,
    private readonly given: Record<string, unknown> = {},
    readonly facts: DeploymentFacts = TEST_FACTS,
  ) {
    for (const name of Object.keys(given)) {
      if (!(name in template.parameters)) throw new ArmEvaluationError(`parameter "${name}" is given but the template does not declare it`);
    }
  }

  parameter(name: string): unknown {
    if (this.parameterValues.has(name)) return this.parameterValues.get(name);
    const declared = this.template.parameters[name];
    if (!declared) throw new ArmEvaluationError(`parameters('${name}'): no such parameter`);
    if (this.resolving.has(`p:${name}`)) throw new ArmEvaluationError(`parameter "${name}" depends on itself`);
    this.resolving.add(`p:${name}`);
    let value: unknown;
    if (name in this.given) value = this.given[name];
    else if ('defaultValue' in declared) value = this.evaluate(declared.defaultValue, `parameters.${name}.defaultValue`);
    else throw new ArmEvaluationError(`parameter "${name}" has no default value and was not given`);
    this.resolving.delete(`p:${name}`);
    checkParameterValue(name, declared, value);
    this.parameterValues.set(name, value);
    return value;
  }

  variable(name: string): unknown {
    if (this.variableValues.has(name)) return this.variableValues.get(name);
    if (!(name in this.template.variables)) throw new ArmEvaluationError(`variables('${name}'): no such variable`);
    if (this.resolving.has(`v:${name}`)) throw new ArmEvaluationError(`variable "${name}" depends on itself`);
    this.resolving.add(`v:${name}`);
    const value = this.evaluate(this.template.variables[name], `variables.${name}`);
    this.resolving.delete(`v:${name}`);
    this.variableValues.set(name, value);
    return value;
  }

  /** Evaluates every expression inside a JSON value (object keys too). */
  evaluate(value: unknown, path = '$'): unknown {
    if (typeof value === 'string') {
      if (!isExpression(value)) return value.startsWith('[[') ? value.slice(1) : value;
      try {
        return this.node(parseExpression(value));
      } catch (err) {
        if (err instanceof ArmDeploymentFailed) throw err;
        if (err instanceof ArmEvaluationError && !err.message.startsWith('at ')) throw new ArmEvaluationError(`at ${path}: ${err.message}`);
        throw err;
      }
    }
    if (Array.isArray(value)) return value.map((v, i) => this.evaluate(v, `${path}[${i}]`));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[String(this.evaluate(k, path))] = this.evaluate(v, `${path}.${k}`);
      return out;
    }
    return value;
  }

  /** Whether a resource is deployed: its condition, true when it has none. */
  deployed(resource: ArmResource): boolean {
    if (resource.condition === undefined) return true;
    const value = this.evaluate(resource.condition, `condition of ${resource.type}`);
    if (typeof value !== 'boolean') throw new ArmEvaluationError(`condition of ${resource.type} is ${typeName(value)}, not bool`);
    return value;
  }

  /**
   * The resource id ARM gives a declared resource (its type's segments interleaved with its name's); an extension
   * resource (one with a scope, like a role assignment) hangs under the resource its scope names.
   */
  resourceIdOf(resource: ArmResource): string {
    const name = String(this.evaluate(resource.name, `name of ${resource.type}`));
    if (resource.scope !== undefined) {
      const scope = String(this.evaluate(resource.scope, `scope of ${resource.type}`));
      const [namespace, ...types] = scope.split('/');
      const names = types.filter((_t, i) => i % 2 === 1);
      const scopeId = this.makeResourceId([namespace, ...types.filter((_t, i) => i % 2 === 0)].join('/'), names);
      return `${scopeId}/providers/${resource.type}/${name}`;
    }
    return this.makeResourceId(resource.type, name.split('/'));
  }

  /**
   * What ARM evaluates before it creates anything (template validation, "preflight"): every parameter and variable,
   * and each resource's condition and name. A fail() reached here stops the deployment with nothing deployed.
   */
  preflight(): void {
    for (const name of Object.keys(this.template.parameters)) this.parameter(name);
    for (const name of Object.keys(this.template.variables)) this.variable(name);
    for (const r of this.template.resources) {
      this.resourceIdOf(r);
      this.deployed(r);
    }
  }

  makeResourceId(type: string, names: string[]): string {
    const [namespace, ...types] = type.split('/');
    if (types.length !== names.length) {
      throw new ArmEvaluationError(`resourceId('${type}', ...) needs ${types.length} name segment(s), got ${names.length}`);
    }
    const path = types.map((t, i) => `${t}/${names[i]}`).join('/');
    return `/subscriptions/${this.facts.subscriptionId}/resourceGroups/${this.facts.resourceGroup}/providers/${namespace}/${path}`;
  }

  /** The declared resource with this id (case-insensitive, as ARM compares ids). */
  resourceById(id: string): ArmResource | undefined {
    return this.template.resources.find((r) => this.resourceIdOf(r).toLowerCase() === id.toLowerCase());
  }

  /** Stand-in runtime state of a deployed resource, as reference() returns it. */
  private runtimeState(id: string, full: boolean): unknown {
    const resource = this.resourceById(id);
    if (!resource) throw new ArmEvaluationError(`reference('${id}'): the template declares no such resource`);
    if (!this.deployed(resource)) throw new ArmEvaluationError(`reference('${id}'): that resource is not deployed (its condition is false)`);
    const name = id.split('/').pop() as string;
    const evaluated = this.evaluate(resource, `resource ${resource.type}`) as Record<string, unknown>;
    let properties: Record<string, unknown> = { ...((evaluated.properties as Record<string, unknown>) ?? {}) };
    let identity: unknown = evaluated.identity;
    switch (resource.type.toLowerCase()) {
      case 'microsoft.web/sites':
        properties = { ...properties, defaultHostName: `${name}.azurewebsites.net` };
        identity = { ...(identity as object), principalId: `principal-of-${name}`, tenantId: this.facts.tenantId };
        break;
      case 'microsoft.managedidentity/userassignedidentities':
        properties = { ...properties, clientId: `client-id-of-${name}`, principalId: `principal-of-${name}`, tenantId: this.facts.tenantId };
        break;
    }
    return full ? { ...evaluated, properties, identity } : properties;
  }

  private node(node: ArmNode): unknown {
    switch (node.kind) {
      case 'string':
      case 'number':
        return node.value;
      case 'property': {
        const target = this.node(node.target);
        if (!target || typeof target !== 'object' || !(node.name in target)) {
          throw new ArmEvaluationError(`property "${node.name}" does not exist on ${JSON.stringify(target)}`);
        }
        return (target as Record<string, unknown>)[node.name];
      }
      case 'index': {
        const target = this.node(node.target);
        const index = this.node(node.index);
        if (Array.isArray(target) && typeof index === 'number') {
          if (index < 0 || index >= target.length) throw new ArmEvaluationError(`index ${index} is out of range`);
          return target[index];
        }
        if (target && typeof target === 'object' && typeof index === 'string' && index in target) return (target as Record<string, unknown>)[index];
        throw new ArmEvaluationError(`cannot index ${JSON.stringify(target)} with ${JSON.stringify(index)}`);
      }
      case 'call':
        return this.call(node.name, node.args);
    }
  }

  private call(name: string, argNodes: ArmNode[]): unknown {
    const fn = name.toLowerCase();
    // Functions whose arguments are evaluated lazily.
    if (fn === 'if') {
      if (argNodes.length !== 3) throw new ArmEvaluationError('if() takes three arguments');
      const test = this.node(argNodes[0]);
      if (typeof test !== 'boolean') throw new ArmEvaluationError(`if() condition is ${typeName(test)}, not bool`);
      return this.node(test ? argNodes[1] : argNodes[2]);
    }
    const args = argNodes.map((a) => this.node(a));
    const str = (i: number): string => {
      if (typeof args[i] !== 'string') throw new ArmEvaluationError(`${name}(): argument ${i + 1} is ${typeName(args[i])}, not string`);
      return args[i] as string;
    };
    const bool = (i: number): boolean => {
      if (typeof args[i] !== 'boolean') throw new ArmEvaluationError(`${name}(): argument ${i + 1} is ${typeName(args[i])}, not bool`);
      return args[i] as boolean;
    };
    switch (fn) {
      case 'parameters':
        return this.parameter(str(0));
      case 'variables':
        return this.variable(str(0));
      case 'concat':
        if (args.every(Array.isArray)) return (args as unknown[][]).flat();
        // Strings only: use string() for numbers and bools, as the template must.
        return args.map((_a, i) => str(i)).join('');
      case 'fail':
        // ARM's fail(): stops the deployment with this message.
        throw new ArmDeploymentFailed(str(0));
      case 'true':
        return true;
      case 'false':
        return false;
      case 'createarray':
        return args;
      case 'length': {
        const v = args[0];
        if (typeof v === 'string' || Array.isArray(v)) return v.length;
        if (v && typeof v === 'object') return Object.keys(v).length;
        throw new ArmEvaluationError(`length(): argument is ${typeName(v)}`);
      }
      case 'trim':
        return str(0).trim();
      case 'replace':
        return str(0).split(str(1)).join(str(2));
      case 'contains': {
        const [container, item] = args;
        if (typeof container === 'string') return container.toLowerCase().includes(String(item).toLowerCase());
        if (Array.isArray(container)) return container.some((c) => JSON.stringify(c) === JSON.stringify(item));
        if (container && typeof container === 'object') return Object.keys(container).some((k) => k.toLowerCase() === String(item).toLowerCase());
        throw new ArmEvaluationError(`contains(): argument 1 is ${typeName(container)}`);
      }
      case 'guid': {
        // Deterministic, GUID-shaped, like ARM's (a hash of its arguments).
        const hex = createHash('sha1')
          .update(args.map((_a, i) => str(i)).join('\u0000'))
          .digest('hex');
        return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
      }
      case 'subscriptionresourceid': {
        const [namespace, ...types] = str(0).split('/');
        const names = args.slice(1).map((_a, i) => str(i + 1));
        if (types.length !== names.length)
          throw new ArmEvaluationError(`subscriptionResourceId('${str(0)}', ...) needs ${types.length} name segment(s)`);
        return `/subscriptions/${this.facts.subscriptionId}/providers/${namespace}/${types.map((t, i) => `${t}/${names[i]}`).join('/')}`;
      }
      case 'format':
        return str(0).replace(/\{(\d+)\}/g, (_m, i) => String(args[Number(i) + 1]));
      case 'string':
        if (typeof args[0] === 'boolean') return args[0] ? 'True' : 'False'; // as ARM writes them
        return typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]);
      case 'int':
        return Number.parseInt(String(args[0]), 10);
      case 'tolower':
        return str(0).toLowerCase();
      case 'toupper':
        return str(0).toUpperCase();
      case 'equals':
        return JSON.stringify(args[0]) === JSON.stringify(args[1]);
      case 'not':
        return !bool(0);
      case 'and':
        return args.every((_a, i) => bool(i));
      case 'or':
        return args.some((_a, i) => bool(i));
      case 'empty': {
        const v = args[0];
        if (v === null || v === undefined) return true;
        if (typeof v === 'string' || Array.isArray(v)) return v.length === 0;
        if (typeof v === 'object') return Object.keys(v).length === 0;
        throw new ArmEvaluationError(`empty(): argument is ${typeName(v)}`);
      }
      case 'createobject': {
        if (args.length % 2 !== 0) throw new ArmEvaluationError('createObject() takes key/value pairs');
        const out: Record<string, unknown> = {};
        for (let i = 0; i < args.length; i += 2) out[str(i)] = args[i + 1];
        return out;
      }
      case 'uniquestring': {
        // Deterministic 13-character stand-in, like ARM's (lower-case letters and digits).
        let h = 2166136261;
        for (const ch of args.map(String).join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
        let out = '';
        while (out.length < 13) {
          out += 'abcdefghijklmnopqrstuvwxyz0123456789'[h % 36];
          h = Math.imul(h ^ out.length, 16777619) >>> 0;
        }
        return out;
      }
      case 'resourcegroup':
        return {
          id: `/subscriptions/${this.facts.subscriptionId}/resourceGroups/${this.facts.resourceGroup}`,
          name: this.facts.resourceGroup,
          location: this.facts.location,
        };
      case 'subscription':
        return { id: `/subscriptions/${this.facts.subscriptionId}`, subscriptionId: this.facts.subscriptionId, tenantId: this.facts.tenantId };
      case 'environment':
        return { name: 'AzureCloud', suffixes: { storage: this.facts.storageSuffix } };
      case 'resourceid':
        return this.makeResourceId(
          str(0),
          args.slice(1).map((_a, i) => str(i + 1)),
        );
      case 'reference':
        return this.runtimeState(str(0), args[2] === 'full' || args[2] === 'Full');
      case 'listkeys': {
        const resource = this.resourceById(str(0));
        if (!resource || !this.deployed(resource)) throw new ArmEvaluationError(`listKeys('${str(0)}'): no such deployed resource`);
        return {
          keys: [
            { keyName: 'key1', value: 'test-storage-key-1' },
            { keyName: 'key2', value: 'test-storage-key-2' },
          ],
        };
      }
      default:
        throw new ArmEvaluationError(`${name}() is not supported by the test evaluator (test/arm.ts): add it there`);
    }
  }
}

function checkParameterValue(name: string, declared: ArmParameter, value: unknown): void {
  const type = declared.type.toLowerCase();
  const expected = {
    string: 'string',
    securestring: 'string',
    int: 'number',
    bool: 'boolean',
    object: 'object',
    secureobject: 'object',
    array: 'array',
  }[type];
  if (!expected) throw new ArmEvaluationError(`parameter "${name}" has unknown type "${declared.type}"`);
  if (typeName(value) !== expected) throw new ArmEvaluationError(`parameter "${name}" is ${declared.type} but its value is ${typeName(value)}`);
  if (declared.allowedValues && !declared.allowedValues.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
    throw new ArmEvaluationError(
      `parameter "${name}" = ${JSON.stringify(value)} is not one of its allowedValues ${JSON.stringify(declared.allowedValues)}`,
    );
  }
  if (typeof value === 'string') {
    if (declared.minLength !== undefined && value.length < declared.minLength)
      throw new ArmEvaluationError(`parameter "${name}" is shorter than ${declared.minLength}`);
    if (declared.maxLength !== undefined && value.length > declared.maxLength)
      throw new ArmEvaluationError(`parameter "${name}" is longer than ${declared.maxLength}`);
  }
  if (typeof value === 'number') {
    if (declared.minValue !== undefined && value < declared.minValue)
      throw new ArmEvaluationError(`parameter "${name}" is below ${declared.minValue}`);
    if (declared.maxValue !== undefined && value > declared.maxValue)
      throw new ArmEvaluationError(`parameter "${name}" is above ${declared.maxValue}`);
  }
}
