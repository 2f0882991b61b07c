/**
 * The extension's settings and their value types. Their defaults and descriptions are declared once,
 * in package.json (`contributes.configuration`): VS Code applies those defaults and shows them in the
 * Settings editor, so a second copy in code could only disagree. test/unit/contributions.test.ts checks
 * that package.json declares exactly these keys, with these types and a default each.
 */
export const SETTING_TYPES = {
  'tree.hideFinished': 'boolean',
  'statusBar.enabled': 'boolean',
  'detection.enabled': 'boolean',
  'detection.notifications': 'boolean',
  'detection.terminal': 'boolean',
  'detection.credit': 'string',
  'identity.emails': 'stringArray',
  'plan.stack': 'string',
  'plan.hoursPerWeek': 'number',
  'plan.path': 'string',
  'tree.pathOnly': 'boolean',
  'review.enabled': 'boolean',
  roadmaps: 'stringArray',
} as const;

export const CONFIG_SECTION = 'backendRoadmap';

interface SettingValue {
  boolean: boolean;
  string: string;
  number: number;
  stringArray: readonly string[];
}

export type BackendRoadmapConfig = { readonly [K in keyof typeof SETTING_TYPES]: SettingValue[(typeof SETTING_TYPES)[K]] };
