/**
 * The Azure deployment template (deploymentTemplates/azuredeploy.json) checked without Azure: it is a well-formed
 * ARM template, valid against Microsoft's published resource schemas (test/armSchemas.ts) for every parameter set the
 * guide documents (each `az deployment group create` in docs/deploy-azure.md, read by test/guideCommands.ts), it
 * cannot deploy an open or broken bot (fail() before anything is created), its Web App's app settings are exactly the
 * settings the bot reads (configKeys()), and the resources are wired and locked down as the guide says. Expressions
 * are evaluated by test/arm.ts.
 *
 * When a merged branch makes the bot read a new setting, "every setting the bot reads is an app setting" fails and
 * names it: add one line to the Web App's siteConfig.appSettings in the template (and the setting to the guide).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActivityHandler } from 'botbuilder';
import type { ClinicAdapter } from '../src/channels/adapter';
import { createServer } from '../src/channels/server';
import { ConfigError, configKeys, loadConfig, PROJECT_ROOT } from '../src/config';
import { silentLogger } from '../src/logger';
import {
  ArmDeployment,
  ArmDeploymentFailed,
  ArmEvaluationError,
  ArmResource,
  ArmSyntaxError,
  ArmTemplate,
  calls,
  eachString,
  expressionsIn,
  isArmFunction,
  parseExpression,
  TEST_FACTS,
} from './arm';
import { ArmSchemas } from './armSchemas';
import { bashBlocks, deploymentParameters, guideCommands, parametersFileValues, ShellCommand } from './guideCommands';

const TEMPLATE_FILE = 'deploymentTemplates/azuredeploy.json';
const PARAMETERS_FILES = ['deploymentTemplates/azuredeploy.parameters.json', 'deploymentTemplates/azuredeploy.channels.parameters.json'];
const GUIDE_FILE = 'docs/deploy-azure.md';

/** Settings the bot reads that the template must not set, with the reason. */
const NOT_APP_SETTINGS: Record<string, string> = {
  PORT: 'App Service sets PORT itself (the port its front end forwards to); a fixed value would break routing',
};

/**
 * Settings the template sets before the code that reads them is merged (the storage part of the Azure issue).
 * Once the code reads one, it is matched like any other setting and its entry here can go.
 */
const AHEAD_OF_CODE: Record<string, string> = {};

/** App settings for App Service itself, not read by the bot. */
const PLATFORM_SETTINGS: Record<string, string> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'makes the deployment build the code with Oryx (npm install, npm run build)',
};

/** Settings whose deployed value differs from the bot's default on purpose (all others must equal the default). */
const DEPLOYED_DIFFERENTLY: Record<string, string> = {
  MicrosoftAppId: 'the deployment’s own Bot Framework identity',
  MicrosoftAppPassword: 'the deployment’s own Bot Framework identity',
  MicrosoftAppType: 'the deployment’s own Bot Framework identity',
  MicrosoftAppTenantId: 'the deployment’s own Bot Framework identity',
  DATA_DIR: 'App Service keeps only /home across restarts and deployments, and shares it between instances',
  DIRECTLINE_SECRET_FILE: 'under /home/data, outside the code folder that a deployment rewrites: losing it would end every open website conversation',
  AZURE_STORAGE_ACCOUNT_URL: 'the deployment’s own storage account, reached with the Web App’s managed identity',
  STAFF_COOKIE_SECURE: 'App Service serves the staff pages over https only',
  TRUST_PROXY: 'App Service’s front ends are the only way in; their X-Forwarded-For names the client and X-Forwarded-Proto says https',
  STORAGE: 'App Service may run several instances, which must share state and transcripts (azure-blob); the bot alone defaults to sqlite',
};

/** Parameters a real deployment passes (beyond defaults), per app type. */
function parametersFor(appType: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const credentials = appType === 'UserAssignedMSI' ? {} : { appId: '33333333-3333-3333-3333-333333333333', appPassword: 'not-a-real-secret' };
  return { appType, ...credentials, ...extra };
}
const APP_TYPES = ['SingleTenant', 'UserAssignedMSI'];

/** Values for the guide's variables that it sets from a command's output (the rest it sets itself). */
const GUIDE_STAND_INS: Record<string, string> = {
  APP_ID: '44444444-4444-4444-4444-444444444444',
  TENANT_ID: TEST_FACTS.tenantId,
  PRINCIPAL: 'principal-of-the-web-app',
  STORAGE_ID: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a',
  ACCOUNT: 'clinicbotaccount',
};

/** What App Service does with a Key Vault reference in an app setting once the Web App's identity can read it. */
function resolveKeyVaultReferences(settings: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(settings).map(([k, v]) => [
      k,
      /^@Microsoft\.KeyVault\(/.test(String(v)) ? `secret-from-key-vault-for-${k}-0123456789abcdef` : String(v),
    ]),
  );
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, file), 'utf8')) as T;
}

const template = readJson<ArmTemplate>(TEMPLATE_FILE);

function only(type: string, from: ArmResource[] = template.resources): ArmResource {
  const found = from.filter((r) => r.type.toLowerCase() === type.toLowerCase());
  expect(found, `resources of type ${type}`).to.have.length(1);
  return found[0];
}

const webApp = (): ArmResource => only('Microsoft.Web/sites');
const siteConfig = (site: ArmResource = webApp()) => (site.properties as { siteConfig: Record<string, unknown> }).siteConfig;
const appSettingEntries = () => siteConfig().appSettings as Array<{ name: string; value: unknown }>;
const appSettingNames = () => appSettingEntries().map((s) => s.name);

/** The Web App's app settings as the deployed app sees them (its environment), for a deployment. */
function deployedSettings(deployment: ArmDeployment): Record<string, unknown> {
  const entries = deployment.evaluate(appSettingEntries(), 'appSettings') as Array<{ name: string; value: unknown }>;
  return Object.fromEntries(entries.map((e) => [e.name, e.value]));
}

function evaluated(deployment: ArmDeployment, resource: ArmResource): Record<string, any> {
  return deployment.evaluate(resource, resource.type) as Record<string, any>;
}

/** The routes the bot's HTTP server registers, as METHOD path. */
function serverRoutes(): string[] {
  const server = createServer({ adapter: {} as ClinicAdapter, bot: {} as ActivityHandler, logger: silentLogger, maxBodyBytes: 1024 });
  const routes = server.getDebugInfo().routes as Array<{ method: string; path: string }>;
  return routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
}

/** One line to paste into siteConfig.appSettings for a missing setting. */
function settingLine(name: string): string {
  return `{ "name": "${name}", "value": "<default from src/config.ts>" },`;
}

const parameterTypes = Object.fromEntries(Object.entries(template.parameters).map(([n, p]) => [n, p.type]));

interface ParameterSet {
  where: string;
  values: Record<string, unknown>;
  command?: ShellCommand;
}

/** Each `az deployment group create` in the guide, with the parameter values it passes. */
function guideDeployments(): ParameterSet[] {
  return guideCommands(join(PROJECT_ROOT, GUIDE_FILE), GUIDE_STAND_INS)
    .filter((c) => c.words.slice(0, 4).join(' ') === 'az deployment group create')
    .map((command) => {
      const { templateFile, resourceGroup, values } = deploymentParameters(command, PROJECT_ROOT, parameterTypes);
      expect(templateFile, `${GUIDE_FILE} line ${command.line}: --template-file`).to.equal(TEMPLATE_FILE);
      expect(resourceGroup, `${GUIDE_FILE} line ${command.line}: --resource-group`).to.be.a('string').that.is.not.empty;
      return { where: `${GUIDE_FILE} line ${command.line}`, values, command };
    });
}

/** The guide's parameter sets, and the fixed ones these tests use. */
function allParameterSets(): ParameterSet[] {
  return [...guideDeployments(), ...APP_TYPES.map((appType) => ({ where: `test parameters for ${appType}`, values: parametersFor(appType) }))];
}

/** Every resource a deployment creates, evaluated, after ARM's preflight. */
function deployedResources(deployment: ArmDeployment): Array<Record<string, any>> {
  deployment.preflight();
  return template.resources.filter((r) => deployment.deployed(r)).map((r) => evaluated(deployment, r));
}

/** The message a deployment stops with before creating anything, or undefined when it would go ahead. */
function preflightFailure(values: Record<string, unknown>): string | undefined {
  try {
    new ArmDeployment(template, values).preflight();
    return undefined;
  } catch (err) {
    if (err instanceof ArmEvaluationError) return err.message;
    throw err;
  }
}

describe('Azure deployment template', () => {
  const keys = configKeys();
  let schemas: ArmSchemas;
  before(() => {
    schemas = new ArmSchemas();
  });

  describe('ARM shape', () => {
    it('has the deployment template schema, a content version, parameters, variables and resources', () => {
      expect(template.$schema).to.match(/^https:\/\/schema\.management\.azure\.com\/schemas\/\d{4}-\d{2}-\d{2}\/deploymentTemplate\.json#$/);
      expect(template.contentVersion).to.match(/^\d+\.\d+\.\d+\.\d+$/);
      expect(template.parameters).to.be.an('object');
      expect(template.variables).to.be.an('object');
      expect(template.resources).to.be.an('array').that.is.not.empty;
      const allowedTop = [
        '$schema',
        'contentVersion',
        'apiProfile',
        'definitions',
        'metadata',
        'functions',
        'parameters',
        'variables',
        'resources',
        'outputs',
      ];
      expect(
        Object.keys(template).filter((k) => !allowedTop.includes(k)),
        'unknown top-level properties',
      ).to.deep.equal([]);
    });

    it('every parameter has a known type and a description, and its default value obeys its own rules', () => {
      const deployment = new ArmDeployment(template, parametersFor('SingleTenant'));
      for (const [name, p] of Object.entries(template.parameters)) {
        expect(['string', 'securestring', 'int', 'bool', 'object', 'secureobject', 'array'], `type of ${name}`).to.include(p.type.toLowerCase());
        expect(p.metadata?.description, `description of ${name}`).to.be.a('string').that.is.not.empty;
        // Evaluates the default (it may use other parameters) and checks type, allowedValues, length and range.
        expect(() => deployment.parameter(name), name).not.to.throw();
      }
    });

    it('every resource has a provider type, an API version and a name', () => {
      for (const r of template.resources) {
        expect(r.type, JSON.stringify(r).slice(0, 80)).to.match(/^Microsoft\.[A-Za-z]+(\/[A-Za-z]+)+$/);
        expect(r.apiVersion, r.type).to.match(/^\d{4}-\d{2}-\d{2}(-preview)?$/);
        expect(r.name, r.type).to.be.a('string').that.is.not.empty;
        // A child resource's name has one segment per type segment after the provider: "account/default/container".
        if (!/^\[/.test(r.name)) expect(r.name.split('/'), r.type).to.have.length(r.type.split('/').length - 1);
      }
    });

    it('every expression parses and calls only ARM template functions', () => {
      const unknown: string[] = [];
      const broken: string[] = [];
      eachString(template, '$', (text, path) => {
        if (!text.startsWith('[') || text.startsWith('[[') || !text.endsWith(']')) return;
        try {
          for (const c of calls(parseExpression(text))) if (!isArmFunction(c.name)) unknown.push(`${c.name}() at ${path}`);
        } catch (err) {
          if (!(err instanceof ArmSyntaxError)) throw err;
          broken.push(`${path}: ${err.message}`);
        }
      });
      expect(broken, 'expressions that do not parse').to.deep.equal([]);
      expect(unknown, 'functions ARM does not have').to.deep.equal([]);
    });

    it('parameters() and variables() name declared ones, and every declared parameter and variable is used', () => {
      const used = { parameters: new Set<string>(), variables: new Set<string>() };
      const undeclared: string[] = [];
      for (const e of expressionsIn(template, '$')) {
        for (const c of calls(e.node)) {
          const fn = c.name.toLowerCase();
          if (fn !== 'parameters' && fn !== 'variables') continue;
          const arg = c.args[0];
          expect(arg?.kind, `${c.name}() at ${e.path} takes a literal name`).to.equal('string');
          const name = (arg as { value: string }).value;
          const declared = fn === 'parameters' ? template.parameters : template.variables;
          if (!(name in declared)) undeclared.push(`${fn}('${name}') at ${e.path}`);
          used[fn].add(name);
        }
      }
      expect(undeclared, 'references to undeclared names').to.deep.equal([]);
      expect(
        Object.keys(template.parameters).filter((p) => !used.parameters.has(p)),
        'parameters never used',
      ).to.deep.equal([]);
      expect(
        Object.keys(template.variables).filter((v) => !used.variables.has(v)),
        'variables never used',
      ).to.deep.equal([]);
    });

    it('reference() and list*() are used only in resources and outputs (ARM refuses them in parameters and variables)', () => {
      const misplaced = expressionsIn({ parameters: template.parameters, variables: template.variables }, '$')
        .filter((e) => calls(e.node).some((c) => /^(reference|list\w*)$/i.test(c.name)))
        .map((e) => e.path);
      expect(misplaced).to.deep.equal([]);
    });

    it('evaluates for every parameter set the guide documents, and dependsOn names only resources the template declares', () => {
      for (const { where, values } of allParameterSets()) {
        const appType = where;
        const deployment = new ArmDeployment(template, values);
        deployment.preflight();
        for (const r of template.resources) {
          if (!deployment.deployed(r)) continue;
          expect(() => evaluated(deployment, r), `${appType}: ${r.type}`).not.to.throw();
          for (const dep of r.dependsOn ?? []) {
            const id = String(deployment.evaluate(dep));
            expect(deployment.resourceById(id), `${appType}: ${r.type} depends on ${id}`).to.not.equal(undefined);
          }
        }
        for (const [name, output] of Object.entries(template.outputs ?? {})) {
          expect(output.type, `output ${name}`).to.equal('string');
          expect(deployment.evaluate(output.value, `outputs.${name}`), `${appType}: output ${name}`).to.be.a('string');
        }
      }
    });
  });

  describe('Microsoft’s published resource schemas (test/fixtures/arm-schemas)', () => {
    it('are vendored for every resource type at the API version the template uses', () => {
      const covered = schemas.covered();
      for (const r of template.resources) expect(covered, `${r.type}@${r.apiVersion}`).to.include(`${r.type.toLowerCase()}@${r.apiVersion}`);
      expect(readFileSync(join(PROJECT_ROOT, 'test/fixtures/arm-schemas/LICENSE'), 'utf8')).to.match(/MIT License/);
    });

    it('every resource as written, with its expressions, is valid', () => {
      const problems = template.resources.flatMap((r) =>
        schemas.validate(r as Record<string, unknown>).map((p) => `${r.type} ${r.name}: ${p.path} ${p.message}`),
      );
      expect(problems).to.deep.equal([]);
    });

    it('every resource a deployment creates is valid, evaluated for each parameter set the guide documents', () => {
      const sets = allParameterSets();
      expect(sets.length, 'parameter sets checked').to.be.at.least(6);
      const problems: string[] = [];
      for (const { where, values } of sets) {
        for (const r of deployedResources(new ArmDeployment(template, values))) {
          for (const p of schemas.validate(r)) problems.push(`${where}: ${r.type} ${r.name}: ${p.path} ${p.message}`);
        }
      }
      expect(problems).to.deep.equal([]);
    });

    it('a misspelt property, an unknown channel setting or a value outside an enum fails (objects are closed)', () => {
      const deployment = new ArmDeployment(template, parametersFor('SingleTenant', { telegramAccessToken: 'tg-token' }));
      const site = evaluated(deployment, webApp());
      site.properties.siteConfig.webSocketEnabled = true;
      expect(schemas.validate(site).map((p) => p.message)).to.include('unknown property "webSocketEnabled"');
      const telegram = evaluated(deployment, template.resources.find((r) => /TelegramChannel/.test(r.name)) as ArmResource);
      telegram.properties.properties.acessToken = 'x';
      expect(schemas.validate(telegram).map((p) => p.message)).to.include('unknown property "acessToken"');
      const account = evaluated(deployment, only('Microsoft.Storage/storageAccounts'));
      account.properties.minimumTlsVersion = 'TLS1_4';
      expect(
        schemas
          .validate(account)
          .map((p) => `${p.path} ${p.message}`)
          .join('\n'),
      ).to.match(/minimumTlsVersion must be one of/);
      expect(schemas.validate(evaluated(deployment, webApp()))).to.deep.equal([]);
    });
  });

  describe('cannot deploy an open or broken bot (fail() stops the deployment before anything is created)', () => {
    it('SingleTenant needs an app id: without one (or a blank one) the deployment stops, naming appId', () => {
      for (const appId of [undefined, '', '   ', 'not-a-guid']) {
        const values = parametersFor('SingleTenant');
        if (appId === undefined) delete values.appId;
        else values.appId = appId;
        expect(preflightFailure(values), JSON.stringify(appId)).to.match(/^appId is required with appType SingleTenant.*accept messages from anyone/);
      }
      expect(preflightFailure(parametersFor('SingleTenant'))).to.equal(undefined);
      expect(preflightFailure(parametersFor('UserAssignedMSI')), 'a managed identity needs no app id').to.equal(undefined);
    });

    it('SingleTenant needs its client secret', () => {
      expect(preflightFailure(parametersFor('SingleTenant', { appPassword: '' }))).to.match(/^appPassword is required with appType SingleTenant/);
    });

    it('MultiTenant is refused with the allowed values (new multi-tenant bots can no longer be created)', () => {
      expect(preflightFailure(parametersFor('MultiTenant'))).to.match(/appType.*not one of its allowedValues \["SingleTenant","UserAssignedMSI"\]/);
      expect(template.parameters.appType.metadata?.description).to.match(/MultiTenant is not offered/);
    });

    it('a channel with some but not all of its credentials stops the deployment, naming the missing kind', () => {
      const facebook = { facebookAppId: 'fb-app', facebookAppSecret: 'fb-secret', facebookPageId: 'fb-page', facebookPageAccessToken: 'fb-token' };
      for (const left of Object.keys(facebook)) {
        expect(preflightFailure(parametersFor('SingleTenant', { ...facebook, [left]: '' })), left).to.match(
          /^The Facebook channel needs all of facebookAppId, facebookAppSecret, facebookPageId and facebookPageAccessToken/,
        );
      }
      const sms = { twilioPhoneNumber: '+15551234567', twilioAccountSid: 'AC1', twilioAuthToken: 'tw-token' };
      for (const left of Object.keys(sms)) {
        expect(preflightFailure(parametersFor('SingleTenant', { ...sms, [left]: '' })), left).to.match(
          /^The SMS channel needs all of twilioPhoneNumber, twilioAccountSid and twilioAuthToken/,
        );
      }
      expect(preflightFailure(parametersFor('SingleTenant', { ...facebook, ...sms }))).to.equal(undefined);
    });

    it('a regional bot needs the data in its geography; a global bot goes with any region', () => {
      const cases: Array<[string, string, boolean]> = [
        ['westeurope', 'westeurope', true],
        ['westeurope', 'germanywestcentral', true],
        ['westeurope', 'West Europe', true],
        ['westeurope', 'eastus', false],
        ['westeurope', 'uksouth', false],
        ['westeurope', 'swedencentral', true],
        ['westeurope', 'centralindia', false],
        ['centralindia', 'southindia', true],
        ['centralindia', 'northeurope', false],
        ['global', 'eastus', true],
      ];
      for (const [botLocation, location, ok] of cases) {
        const failure = preflightFailure(parametersFor('SingleTenant', { botLocation, location }));
        if (ok) expect(failure, `${botLocation} with ${location}`).to.equal(undefined);
        else
          expect(failure, `${botLocation} with ${location}`).to.match(
            new RegExp(`^botLocation ${botLocation} is a regional bot .* location ${location} .*outside that geography`),
          );
      }
    });
  });

  describe('app settings match the settings the bot reads (configKeys())', () => {
    it('every setting the bot reads is an app setting of the Web App (PORT excepted: App Service sets it)', () => {
      const names = new Set(appSettingNames());
      const missing = keys.filter((k) => !(k in NOT_APP_SETTINGS) && !names.has(k));
      expect(
        missing,
        `settings the bot reads but ${TEMPLATE_FILE} does not set; add to the Web App's siteConfig.appSettings:\n${missing.map(settingLine).join('\n')}\n`,
      ).to.deep.equal([]);
    });

    it('every app setting is read by the bot, or documented as ahead of the code or for App Service itself', () => {
      const extra = appSettingNames().filter((n) => !keys.includes(n) && !(n in AHEAD_OF_CODE) && !(n in PLATFORM_SETTINGS));
      expect(
        extra,
        `app settings in ${TEMPLATE_FILE} that the bot does not read: remove them, or list them in AHEAD_OF_CODE or PLATFORM_SETTINGS in this test with the reason`,
      ).to.deep.equal([]);
    });

    it('the exception lists hold: PORT is read but not set, platform settings are not read, documented settings are in the template', () => {
      const names = appSettingNames();
      for (const k of Object.keys(NOT_APP_SETTINGS)) {
        expect(keys, `${k} is in NOT_APP_SETTINGS but the bot no longer reads it`).to.include(k);
        expect(names, `${k} must not be an app setting: ${NOT_APP_SETTINGS[k]}`).not.to.include(k);
      }
      for (const k of Object.keys(PLATFORM_SETTINGS)) expect(keys, `${k} is a platform setting but the bot reads it`).not.to.include(k);
      for (const k of [...Object.keys(AHEAD_OF_CODE), ...Object.keys(PLATFORM_SETTINGS)])
        expect(names, `${k} is documented here but not in the template`).to.include(k);
    });

    it('each app setting appears once, with a string value', () => {
      const names = appSettingNames();
      expect(
        names.filter((n, i) => names.indexOf(n) !== i),
        'duplicated app settings',
      ).to.deep.equal([]);
      for (const { where, values } of allParameterSets()) {
        for (const [name, value] of Object.entries(deployedSettings(new ArmDeployment(template, values)))) {
          expect(value, `${where}: ${name}`).to.be.a('string');
        }
      }
    });

    it('the deployed settings are a valid configuration of the bot with an app id, for each parameter set the guide documents', () => {
      for (const { where, values } of allParameterSets()) {
        const deployment = new ArmDeployment(template, values);
        deployment.preflight();
        const env = { ...resolveKeyVaultReferences(deployedSettings(deployment)), PORT: '8080' };
        const config = loadConfig(env);
        const appType = String(deployment.parameter('appType'));
        expect(config.port).to.equal(8080);
        expect(config.botAuth.MicrosoftAppType, where).to.equal(appType);
        expect(config.botAuth.MicrosoftAppId, `${where}: an app id, so /api/messages only accepts Bot Framework`).to.match(
          /^[0-9a-f-]{36}$|^client-id-of-/,
        );
        expect(config.botAuth.MicrosoftAppTenantId, where).to.equal(String(deployment.parameter('tenantId')));
        if (appType === 'UserAssignedMSI') {
          expect(config.botAuth.MicrosoftAppId, where).to.equal(`client-id-of-${deployment.parameter('managedIdentityName')}`);
          expect(config.botAuth.MicrosoftAppPassword, `${where}: no password with a managed identity`).to.equal('');
        } else expect(config.botAuth.MicrosoftAppPassword, where).to.not.equal('');
        expect(config.storage.kind, where).to.equal('azure-blob');
      }
      // A password given by mistake with a managed identity does not end up in the settings.
      const msi = deployedSettings(new ArmDeployment(template, parametersFor('UserAssignedMSI', { appPassword: 'stray-secret' })));
      expect(msi.MicrosoftAppPassword).to.equal('');
    });

    it('a Key Vault reference App Service could not resolve yet stops the bot with what to do, instead of being used as the secret', () => {
      const deployment = new ArmDeployment(
        template,
        parametersFor('SingleTenant', { appPassword: '@Microsoft.KeyVault(VaultName=kv;SecretName=MicrosoftAppPassword)' }),
      );
      const env = { ...(deployedSettings(deployment) as Record<string, string>), PORT: '8080' };
      expect(() => loadConfig(env)).to.throw(
        ConfigError,
        /MicrosoftAppPassword is a Key Vault reference that App Service has not resolved: give the Web App's identity the "Key Vault Secrets User" role/,
      );
      expect(() =>
        loadConfig({ ...resolveKeyVaultReferences(env), DIRECTLINE_SECRET: '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/dl)' }),
      ).to.throw(ConfigError, /^DIRECTLINE_SECRET is a Key Vault reference/);
    });

    it('the values the template gives are the bot’s own defaults, except those deployed differently on purpose', () => {
      const settings = deployedSettings(new ArmDeployment(template, parametersFor('SingleTenant')));
      const defaults = loadConfig({});
      const differing = Object.entries(settings)
        .filter(([name]) => keys.includes(name) && !(name in DEPLOYED_DIFFERENTLY))
        .filter(([name, value]) => JSON.stringify(loadConfig({ [name]: String(value) })) !== JSON.stringify(defaults))
        .map(([name, value]) => `${name}=${String(value)}`);
      expect(
        differing,
        'app settings whose value changes the bot’s behaviour from its default: fix the value, or list it in DEPLOYED_DIFFERENTLY with the reason',
      ).to.deep.equal([]);
    });
  });

  describe('Web App', () => {
    it('runs on Linux with Node 24 LTS (or 22), the lines package.json’s engines, the guide and CI name, built by Oryx and started as npm start starts package.json’s main', () => {
      const plan = only('Microsoft.Web/serverfarms');
      expect(plan.kind).to.equal('linux');
      expect((plan.properties as { reserved: boolean }).reserved, 'a Linux plan is "reserved"').to.equal(true);
      const site = webApp();
      expect(String(site.kind).split(',')).to.include.members(['app', 'linux']);
      const pkg = readJson<{ main: string; scripts: Record<string, string>; engines: { node: string } }>('package.json');
      const deployment = new ArmDeployment(template, parametersFor('SingleTenant'));
      const config = evaluated(deployment, site).properties.siteConfig;
      expect(config.linuxFxVersion).to.equal('NODE|24-lts');
      expect(template.parameters.nodeRuntime.allowedValues).to.deep.equal(['NODE|24-lts', 'NODE|22-lts']);
      const engines = pkg.engines.node.split('||').map((r) => r.trim());
      for (const line of [20, 22, 24])
        expect(
          engines.some((r) => r.startsWith(`^${line}.`)),
          `engines ${pkg.engines.node} includes Node ${line}`,
        ).to.equal(true);
      const guide = readFileSync(join(PROJECT_ROOT, GUIDE_FILE), 'utf8');
      expect(guide)
        .to.include('NODE\\|24-lts')
        .and.include('--runtime "NODE:24-lts"')
        .and.not.match(/NODE[|:]20/);
      const ci = readFileSync(join(PROJECT_ROOT, '.ci/run'), 'utf8');
      expect(ci, '.ci/run also runs the suite on Node 24').to.match(/\.ci\/node24/);
      expect(readFileSync(join(PROJECT_ROOT, '.ci/node24'), 'utf8')).to.match(/NODE24_VERSION:-24\./);
      // npm start's command without its prestart build: the same Node flags (the heap cap) wherever the bot runs.
      expect(pkg.scripts.start).to.match(new RegExp(`^node( --[a-z-]+=\\S+)* ${pkg.main.replace(/\./g, '\\.')}$`));
      expect(config.appCommandLine, 'starts the compiled entry point without rebuilding, as npm start does').to.equal(pkg.scripts.start);
      const settings = deployedSettings(deployment);
      expect(settings.SCM_DO_BUILD_DURING_DEPLOYMENT).to.equal('true');
      expect(pkg.scripts.build, 'Oryx runs npm run build').to.be.a('string');
      // NODE_ENV=production would make the build's npm install skip the devDependencies that tsc needs.
      expect(settings).not.to.have.property('NODE_ENV');
      expect(settings).not.to.have.property('WEBSITE_NODE_DEFAULT_VERSION');
    });

    it('has WebSockets on: the website chat receives its replies over a WebSocket the server answers', () => {
      expect(siteConfig().webSocketsEnabled).to.equal(true);
      const server = readFileSync(join(PROJECT_ROOT, 'src/channels/directline/stream.ts'), 'utf8');
      expect(server, 'the website chat streams over a WebSocket upgrade').to.match(/upgrade/i);
    });

    it('is HTTPS only with TLS 1.2, no FTP, Always On, and health-checked on the route the server answers', () => {
      const site = webApp();
      const config = siteConfig(site);
      expect((site.properties as { httpsOnly: boolean }).httpsOnly).to.equal(true);
      expect(config.minTlsVersion).to.equal('1.2');
      expect(config.ftpsState).to.equal('Disabled');
      expect(config.alwaysOn).to.equal(true);
      expect(config.healthCheckPath).to.equal('/healthz');
      expect(serverRoutes()).to.include(`GET ${config.healthCheckPath}`);
      // Always On and health checks need Basic or above: the plan cannot be Free or Shared.
      const skus = template.parameters.appServicePlanSku.allowedValues as string[];
      expect(skus.filter((s) => /^(F|D|FREE|SHARED)/i.test(s))).to.deep.equal([]);
    });

    it('keeps the generated Direct Line secret under /home/data, outside the code folder a deployment rewrites', () => {
      const settings = deployedSettings(new ArmDeployment(template, parametersFor('SingleTenant')));
      const config = loadConfig({ ...(settings as Record<string, string>), MicrosoftAppPassword: 'x' });
      expect(config.directLine.secretFile).to.equal('/home/data/directline-secret');
      expect(config.directLine.secretFile.startsWith(PROJECT_ROOT), 'not under the deployed code').to.equal(false);
    });
  });

  describe('Azure Bot', () => {
    it('sends messages over HTTPS to the Web App’s /api/messages, the route the server answers', () => {
      const deployment = new ArmDeployment(template, parametersFor('SingleTenant', { webAppName: 'contoso-clinic' }));
      const bot = evaluated(deployment, only('Microsoft.BotService/botServices'));
      expect(bot.properties.endpoint).to.equal('https://contoso-clinic.azurewebsites.net/api/messages');
      expect(serverRoutes()).to.include('POST /api/messages');
      expect(deployment.evaluate(template.outputs?.messagingEndpoint.value)).to.equal(bot.properties.endpoint);
      expect(deployment.evaluate(template.outputs?.healthUrl.value)).to.equal('https://contoso-clinic.azurewebsites.net/healthz');
      expect(bot.kind).to.equal('azurebot');
      expect(bot.location).to.equal('global');
      expect(template.parameters.botSku.allowedValues).to.deep.equal(['F0', 'S1']);
    });

    it('is regional when asked, and its channels are in the same place as the bot', () => {
      const deployment = new ArmDeployment(
        template,
        parametersFor('SingleTenant', { botLocation: 'westeurope', location: 'westeurope', telegramAccessToken: 'tg' }),
      );
      const resources = deployedResources(deployment);
      const bot = resources.find((r) => r.type === 'Microsoft.BotService/botServices') as Record<string, any>;
      expect(bot.location).to.equal('westeurope');
      const channels = resources.filter((r) => r.type === 'Microsoft.BotService/botServices/channels');
      expect(channels.map((c) => c.location)).to.deep.equal(channels.map(() => 'westeurope'));
      expect(deployment.evaluate(template.outputs?.botLocation.value)).to.equal('westeurope');
    });

    it('has the same Bot Framework identity as the Web App’s settings, for each app type', () => {
      for (const appType of APP_TYPES) {
        const deployment = new ArmDeployment(template, parametersFor(appType));
        const bot = evaluated(deployment, only('Microsoft.BotService/botServices')).properties;
        const settings = deployedSettings(deployment);
        expect(bot.msaAppType, appType).to.equal(settings.MicrosoftAppType);
        expect(bot.msaAppId, appType).to.equal(settings.MicrosoftAppId).and.not.equal('');
        expect(bot.msaAppTenantId, appType).to.equal(settings.MicrosoftAppTenantId).and.equal(TEST_FACTS.tenantId);
        const identityId = deployment.makeResourceId('Microsoft.ManagedIdentity/userAssignedIdentities', [
          String(deployment.parameter('managedIdentityName')),
        ]);
        expect(bot.msaAppMSIResourceId, appType).to.equal(appType === 'UserAssignedMSI' ? identityId : '');
      }
    });

    it('creates a user-assigned managed identity and assigns it to the Web App only with UserAssignedMSI', () => {
      const identity = only('Microsoft.ManagedIdentity/userAssignedIdentities');
      for (const appType of APP_TYPES) {
        const deployment = new ArmDeployment(template, parametersFor(appType));
        const msi = appType === 'UserAssignedMSI';
        expect(deployment.deployed(identity), appType).to.equal(msi);
        const site = evaluated(deployment, webApp());
        const id = deployment.resourceIdOf(identity);
        expect(site.identity.type.split(/,\s*/), `${appType}: a system-assigned identity for storage and Key Vault references`).to.include(
          'SystemAssigned',
        );
        expect(Object.keys(site.identity.userAssignedIdentities ?? {}), appType).to.deep.equal(msi ? [id] : []);
      }
    });
  });

  describe('storage account', () => {
    it('is StorageV2, HTTPS only, TLS 1.2, without public blob access or account keys, and its containers are private', () => {
      const account = only('Microsoft.Storage/storageAccounts');
      const props = account.properties as Record<string, unknown>;
      expect(account.kind).to.equal('StorageV2');
      expect(props.supportsHttpsTrafficOnly).to.equal(true);
      expect(props.minimumTlsVersion).to.equal('TLS1_2');
      expect(props.allowBlobPublicAccess).to.equal(false);
      expect(props.allowSharedKeyAccess, 'no account key or SAS works').to.equal(false);
      expect(props.defaultToOAuthAuthentication).to.equal(true);
      const containers = template.resources.filter((r) => r.type === 'Microsoft.Storage/storageAccounts/blobServices/containers');
      expect(containers).to.have.length(3);
      for (const c of containers) expect((c.properties as { publicAccess: string }).publicAccess).to.equal('None');
    });

    it('the Web App reaches it with its managed identity: the account URL in its settings, no key anywhere, and the Storage Blob Data Contributor role on that account only', () => {
      const deployment = new ArmDeployment(template, parametersFor('SingleTenant'));
      const settings = deployedSettings(deployment);
      const account = String(deployment.parameter('storageAccountName'));
      expect(account, 'storage account name rules').to.match(/^[a-z0-9]{3,24}$/);
      expect(settings.STORAGE).to.equal('azure-blob');
      expect(settings.AZURE_STORAGE_ACCOUNT_URL).to.equal(`https://${account}.blob.${TEST_FACTS.storageSuffix}/`);
      expect(settings.AZURE_STORAGE_CONNECTION_STRING).to.equal('');
      expect(JSON.stringify(settings)).not.to.match(/AccountKey|SharedAccessSignature/i);
      const listCalls = expressionsIn(template, '$').filter((e) => calls(e.node).some((c) => /^list/i.test(c.name)));
      expect(
        listCalls.map((e) => e.path),
        'no listKeys() or other list*(): no key is read',
      ).to.deep.equal([]);
      const config = loadConfig({ ...(settings as Record<string, string>), MicrosoftAppPassword: 'x' });
      expect(config.storage.azure?.accountUrl).to.equal(settings.AZURE_STORAGE_ACCOUNT_URL);

      const assignment = evaluated(deployment, only('Microsoft.Authorization/roleAssignments'));
      const site = webApp();
      expect(assignment.properties.principalId).to.equal(`principal-of-${deployment.parameter('webAppName')}`);
      expect(assignment.properties.principalType).to.equal('ServicePrincipal');
      expect(assignment.properties.roleDefinitionId).to.equal(
        `/subscriptions/${TEST_FACTS.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/ba92f5b4-2d11-453d-a403-e96b0029c9fe`,
      );
      const accountId = deployment.resourceIdOf(only('Microsoft.Storage/storageAccounts'));
      expect(
        deployment
          .resourceIdOf(only('Microsoft.Authorization/roleAssignments'))
          .startsWith(`${accountId}/providers/Microsoft.Authorization/roleAssignments/`),
        'scoped to the account',
      ).to.equal(true);
      expect(assignment.name).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(assignment.dependsOn).to.include.members([accountId, deployment.resourceIdOf(site)]);
      expect(evaluated(deployment, site).identity.type).to.match(/^SystemAssigned/);
    });

    it('the settings name its three containers', () => {
      const deployment = new ArmDeployment(template, parametersFor('SingleTenant'));
      const settings = deployedSettings(deployment);
      const account = String(deployment.parameter('storageAccountName'));
      const containers = template.resources
        .filter((r) => r.type === 'Microsoft.Storage/storageAccounts/blobServices/containers')
        .map((r) => String(deployment.evaluate(r.name)));
      const wanted = [settings.AZURE_STATE_CONTAINER, settings.AZURE_TRANSCRIPT_CONTAINER, settings.AZURE_ENQUIRY_CONTAINER].map(
        (n) => `${account}/default/${n}`,
      );
      expect(containers).to.have.members(wanted);
      for (const c of containers) expect(c.split('/')[2], 'container name rules').to.match(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/);
      expect(new Set(containers).size, 'three different containers').to.equal(3);
    });

    it('keeps backupRetentionDays of history: versioning, soft delete of blobs and containers, and old versions removed after that', () => {
      const deployment = new ArmDeployment(template, parametersFor('SingleTenant', { backupRetentionDays: 30 }));
      const blob = evaluated(deployment, only('Microsoft.Storage/storageAccounts/blobServices')).properties;
      expect(blob.isVersioningEnabled).to.equal(true);
      expect(blob.deleteRetentionPolicy).to.deep.equal({ enabled: true, days: 30 });
      expect(blob.containerDeleteRetentionPolicy).to.deep.equal({ enabled: true, days: 30 });
      const rules = evaluated(deployment, only('Microsoft.Storage/storageAccounts/managementPolicies')).properties.policy.rules;
      expect(rules).to.have.length(1);
      expect(rules[0].definition.actions.version.delete.daysAfterCreationGreaterThan).to.equal(30);
      expect(rules[0].definition.actions).not.to.have.property('baseBlob', 'current data is never deleted by the rule');
    });
  });

  describe('channels', () => {
    const channelsOf = (deployment: ArmDeployment) =>
      template.resources
        .filter((r) => r.type === 'Microsoft.BotService/botServices/channels' && deployment.deployed(r))
        .map((r) => evaluated(deployment, r));

    it('Web Chat always, Teams unless turned off, Telegram, Facebook and SMS only when all their credentials are given', () => {
      const bare = new ArmDeployment(template, parametersFor('SingleTenant'));
      expect(channelsOf(bare).map((c) => c.properties.channelName)).to.have.members(['WebChatChannel', 'MsTeamsChannel']);
      const noTeams = new ArmDeployment(template, parametersFor('SingleTenant', { enableTeams: false }));
      expect(channelsOf(noTeams).map((c) => c.properties.channelName)).to.deep.equal(['WebChatChannel']);

      const all = new ArmDeployment(
        template,
        parametersFor('SingleTenant', {
          telegramAccessToken: 'tg-token',
          facebookAppId: 'fb-app',
          facebookAppSecret: 'fb-secret',
          facebookPageId: 'fb-page',
          facebookPageAccessToken: 'fb-page-token',
          twilioPhoneNumber: '+15551234567',
          twilioAccountSid: 'AC123',
          twilioAuthToken: 'twilio-token',
        }),
      );
      all.preflight();
      const channels = channelsOf(all);
      expect(channels.map((c) => c.properties.channelName)).to.have.members([
        'WebChatChannel',
        'MsTeamsChannel',
        'TelegramChannel',
        'FacebookChannel',
        'SmsChannel',
      ]);
      const byName = Object.fromEntries(channels.map((c) => [c.properties.channelName, c.properties.properties]));
      expect(byName.TelegramChannel).to.include({ accessToken: 'tg-token', isEnabled: true });
      expect(byName.FacebookChannel).to.include({ appId: 'fb-app', appSecret: 'fb-secret', isEnabled: true });
      expect(byName.FacebookChannel.pages).to.deep.equal([{ id: 'fb-page', accessToken: 'fb-page-token' }]);
      expect(byName.SmsChannel).to.include({ phone: '+15551234567', accountSID: 'AC123', authToken: 'twilio-token', isEnabled: true });
      const botId = all.resourceIdOf(only('Microsoft.BotService/botServices'));
      for (const c of channels) {
        expect(c.name, 'the channel resource is named after its channel').to.equal(`${all.parameter('botName')}/${c.properties.channelName}`);
        expect(c.dependsOn, c.name).to.include(botId);
        for (const [k, v] of Object.entries(c.properties.properties as Record<string, unknown>))
          expect(v, `${c.name}: ${k} is not empty`).to.not.equal('');
      }
    });

    it('secrets are secure parameters without defaults, and no output reveals one', () => {
      const secure = Object.entries(template.parameters).filter(([, p]) => /^secure/i.test(p.type));
      for (const [name, p] of Object.entries(template.parameters)) {
        if (/password|secret|token/i.test(name)) expect(p.type, name).to.equal('securestring');
      }
      for (const [name, p] of secure) expect(p.defaultValue ?? '', `${name} has a default secret`).to.equal('');
      const leaks = expressionsIn(template.outputs ?? {}, '$.outputs').filter((e) =>
        calls(e.node).some((c) => c.name.toLowerCase() === 'parameters' && secure.some(([n]) => n === (c.args[0] as { value: string }).value)),
      );
      expect(leaks.map((e) => e.path)).to.deep.equal([]);
    });
  });

  describe('example parameters files', () => {
    it('set only template parameters, hold no secrets, and each is used by a deployment command of the guide', () => {
      const appSettingExpressions = JSON.stringify(appSettingEntries());
      const commands = guideDeployments().map((d) => d.command?.words.join(' ') ?? '');
      for (const fileName of PARAMETERS_FILES) {
        const file = readJson<{ $schema: string; contentVersion: string; parameters: Record<string, { value?: unknown; reference?: unknown }> }>(
          fileName,
        );
        expect(file.$schema, fileName).to.match(/\/deploymentParameters\.json#$/);
        expect(file.contentVersion, fileName).to.match(/^\d+\.\d+\.\d+\.\d+$/);
        for (const [name, entry] of Object.entries(file.parameters)) {
          const declared = template.parameters[name];
          expect(declared, `${fileName}: ${name} is not a template parameter`).to.not.equal(undefined);
          if (entry.reference !== undefined) {
            // A Key Vault reference resolved at deployment: no secret in the file.
            expect(entry.reference, name).to.have.nested.property('keyVault.id');
            expect(entry.reference, name).to.have.property('secretName');
            continue;
          }
          if (/^secure/i.test(declared.type) && entry.value !== '') {
            // Only an App Service Key Vault reference, and only for a parameter that goes into app settings (App Service resolves it).
            expect(String(entry.value), `${name} holds a secret`).to.match(/^@Microsoft\.KeyVault\(/);
            expect(appSettingExpressions, `${name} is not an app setting, so App Service would not resolve its Key Vault reference`).to.include(
              `parameters('${name}')`,
            );
          }
        }
        expect(
          commands.some((c) => c.includes(`@${fileName}`)),
          `${fileName} is used by an az deployment group create in ${GUIDE_FILE}`,
        ).to.equal(true);
        expect(Object.keys(parametersFileValues(PROJECT_ROOT, fileName)).length, fileName).to.be.greaterThan(0);
      }
    });
  });

  describe('deployment guide', () => {
    it('documents deployments for both identities, a regional bot and the channels, every one of which deploys', () => {
      const sets = guideDeployments();
      const values = sets.map((s) => new ArmDeployment(template, s.values));
      for (const d of values) d.preflight();
      expect(values.map((d) => d.parameter('appType'))).to.include.members(['SingleTenant', 'UserAssignedMSI']);
      expect(
        values.some((d) => d.parameter('botLocation') !== 'global'),
        'a regional bot',
      ).to.equal(true);
      expect(
        values.some((d) => d.parameter('botLocation') === 'global'),
        'a global bot',
      ).to.equal(true);
      const channelSets = values.filter((d) =>
        template.resources.filter((r) => /SmsChannel|FacebookChannel|TelegramChannel/.test(r.name)).every((r) => d.deployed(r)),
      );
      expect(channelSets.length, 'a deployment with Telegram, Facebook and SMS').to.be.at.least(1);
    });

    it('names every app setting, template parameter and output, each channel, the service principal and the health check; the README links it', () => {
      const guide = readFileSync(join(PROJECT_ROOT, GUIDE_FILE), 'utf8');
      const undocumented = [...appSettingNames(), ...Object.keys(template.parameters), ...Object.keys(template.outputs ?? {})].filter(
        (n) => !guide.includes(`\`${n}\``),
      );
      expect(undocumented, `names missing from ${GUIDE_FILE} (as \`code\`)`).to.deep.equal([]);
      for (const channel of ['Web Chat', 'Teams', 'SMS', 'Twilio', 'Facebook', 'Telegram']) expect(guide, channel).to.include(channel);
      for (const appType of APP_TYPES) expect(guide, appType).to.include(appType);
      for (const needed of [
        'az ad sp create --id',
        'AADSTS7000229',
        '/healthz',
        'backupRetentionDays',
        'az storage blob undelete',
        'SQLITE_ALLOW_NETWORK_FS',
        '--auth-mode login',
      ]) {
        expect(guide, needed).to.include(needed);
      }
      expect(guide).to.include('az deployment group create');
      expect(guide).to.include(TEMPLATE_FILE);
      expect(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')).to.include(`(${GUIDE_FILE})`);
    });

    it('every command reads outputs the template has, and every data command signs in rather than using a key', () => {
      const outputs = Object.keys(template.outputs ?? {});
      const commands = guideCommands(join(PROJECT_ROOT, GUIDE_FILE), GUIDE_STAND_INS);
      const text = bashBlocks(readFileSync(join(PROJECT_ROOT, GUIDE_FILE), 'utf8'))
        .map((b) => b.text)
        .join('\n');
      const wanted = [...text.matchAll(/properties\.outputs\.([A-Za-z]+)\.value/g)].map((m) => m[1]);
      expect(wanted.length).to.be.greaterThan(2);
      for (const name of wanted) expect(outputs, `output ${name}`).to.include(name);
      for (const c of commands.filter((c) => c.words[0] === 'az' && c.words[1] === 'storage' && ['blob', 'container'].includes(c.words[2]))) {
        expect(c.words, `${GUIDE_FILE} line ${c.line}: ${c.text}`).to.include('--auth-mode');
        expect(c.words[c.words.indexOf('--auth-mode') + 1]).to.equal('login');
      }
      for (const c of commands.filter((c) => c.words.slice(0, 3).join(' ') === 'az deployment group' && c.words[3] !== 'create')) {
        expect(c.words, `line ${c.line}: the deployment's default name is the template file's`).to.include('azuredeploy');
      }
    });
  });

  describe('ARM evaluator used by these tests (test/arm.ts)', () => {
    it('parses calls, properties, indexes and doubled quotes, and rejects broken expressions', () => {
      const node = parseExpression("[concat('it''s ', reference(resourceId('A.B/c', 'x'), '2020-01-01').keys[0].value)]");
      expect(calls(node).map((c) => c.name)).to.deep.equal(['concat', 'reference', 'resourceId']);
      expect((node as { args: Array<{ value: unknown }> }).args[0].value).to.equal("it's ");
      for (const bad of ["[concat('a', ]", "[parameters('x'']", '[concat(1 2)]', "[foo('a').]"]) {
        expect(() => parseExpression(bad), bad).to.throw(ArmSyntaxError);
      }
    });

    it('evaluates only the branch if() takes, applies defaults, refuses values outside allowedValues, and stops at fail()', () => {
      const mini: ArmTemplate = {
        $schema: template.$schema,
        contentVersion: '1.0.0.0',
        parameters: {
          mode: { type: 'string', defaultValue: 'a', allowedValues: ['a', 'b', 'c'] },
          name: { type: 'string', defaultValue: "[concat('n-', parameters('mode'))]" },
        },
        variables: {
          check: "[if(equals(parameters('mode'), 'c'), fail('mode c is not allowed'), true())]",
          pick: "[if(equals(parameters('mode'), 'a'), parameters('name'), reference('nowhere').x)]",
        },
        resources: [],
      };
      expect(new ArmDeployment(mini).variable('pick')).to.equal('n-a');
      expect(() => new ArmDeployment(mini, { mode: 'b' }).variable('pick')).to.throw(ArmEvaluationError, /nowhere/);
      expect(() => new ArmDeployment(mini, { mode: 'd' }).parameter('mode')).to.throw(ArmEvaluationError, /allowedValues/);
      expect(() => new ArmDeployment(mini, { other: 1 })).to.throw(ArmEvaluationError, /does not declare/);
      expect(() => new ArmDeployment(mini).evaluate("[concatt('a')]")).to.throw(ArmEvaluationError, /not supported/);
      expect(() => new ArmDeployment(mini, { mode: 'c' }).preflight()).to.throw(ArmDeploymentFailed, /^mode c is not allowed$/);
      expect(() => new ArmDeployment(mini, { mode: 'a' }).preflight()).not.to.throw();
    });
  });
});
