import type { SeveritySetting } from '../../core/config';
import type { Rule, Severity } from '../../core/rules';
import type { LintFindingJson, LintJson, Region } from './lint-json';

/** The parts of SARIF 2.1.0 that `promptcost lint --format sarif` writes (what GitHub code scanning reads). */
type SarifLevel = 'none' | 'note' | 'warning' | 'error';

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifArtifactLocation {
  uri: string;
  uriBaseId: '%SRCROOT%';
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion: string;
        informationUri: string;
        rules: Array<{
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          helpUri: string;
          help: { text: string; markdown: string };
          defaultConfiguration: { level: SarifLevel; enabled: boolean };
          properties: { tags: string[] };
        }>;
      };
    };
    columnKind: 'utf16CodeUnits';
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: SarifLevel;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }>;
      partialFingerprints: Record<string, string>;
      fixes?: Array<{
        description: { text: string };
        artifactChanges: Array<{
          artifactLocation: SarifArtifactLocation;
          replacements: Array<{ deletedRegion: SarifRegion; insertedContent: { text: string } }>;
        }>;
      }>;
      properties?: { savings: { tokens: number; per1kCallsUsd: number; perMonthUsd: number } };
    }>;
  }>;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/promptcost/promptcost';
/** The key GitHub reads to follow a finding across commits. */
export const FINGERPRINT_KEY = 'promptcostFinding/v1';

const LEVEL_OF_SEVERITY: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

function defaultConfiguration(severity: SeveritySetting): { level: SarifLevel; enabled: boolean } {
  return severity === 'off' ? { level: 'none', enabled: false } : { level: LEVEL_OF_SEVERITY[severity], enabled: true };
}

/** `unbounded-output` -> `UnboundedOutput`: SARIF's rule name is an identifier-like name. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** Relative paths as URI references, each segment percent-encoded (spaces, `#`, `%`). */
function uriOf(path: string): string {
  return path.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

function regionOf(r: Region): SarifRegion {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function describeRule(rule: Rule) {
  const { id, kind, description, defaultSeverity, fixable, docsUrl } = rule.meta;
  const fixText = fixable === null ? 'It has no automatic fix.' : `Its fixes are ${fixable === 'mixed' ? 'safe or unsafe' : fixable}; \`promptcost lint --fix\` applies the safe ones.`;
  const full = `${description}. A ${kind} rule of PromptCost, ${defaultSeverity} by default. ${fixText}`;
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: description },
    fullDescription: { text: full },
    helpUri: docsUrl,
    help: { text: `${full} See ${docsUrl}`, markdown: `${full}\n\n[Rule documentation](${docsUrl})` },
    defaultConfiguration: defaultConfiguration(defaultSeverity),
    properties: { tags: ['promptcost', kind] },
  };
}

function result(finding: LintFindingJson, path: string, ruleIndex: number): SarifLog['runs'][number]['results'][number] {
  const artifactLocation: SarifArtifactLocation = { uri: uriOf(path), uriBaseId: '%SRCROOT%' };
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL_OF_SEVERITY[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation, region: regionOf(finding) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.fixes.length > 0 && {
      fixes: finding.fixes.map((fix) => ({
        description: { text: fix.safe ? fix.title : `${fix.title} (changes behaviour: review before applying)` },
        artifactChanges: [
          {
            artifactLocation,
            replacements: fix.edits.map((edit) => ({ deletedRegion: regionOf(edit), insertedContent: { text: edit.text } })),
          },
        ],
      })),
    }),
    ...(finding.savings && { properties: { savings: finding.savings } }),
  };
}

/** A SARIF 2.1.0 log of a lint run: every rule in the driver, one result per finding, with fixes and fingerprints. */
export function toSarif(json: LintJson, rules: readonly Rule[], version: string): SarifLog {
  const indexOf = new Map(rules.map((rule, i) => [rule.meta.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'PromptCost', version, semanticVersion: version, informationUri: INFORMATION_URI, rules: rules.map(describeRule) } },
        columnKind: 'utf16CodeUnits',
        results: json.files.flatMap((file) => file.findings.map((finding) => result(finding, file.path, indexOf.get(finding.ruleId) ?? -1))),
      },
    ],
  };
}
