import { isURL, ValidateBy, type ValidationArguments } from 'class-validator';

const EXAMPLE = 'e.g. https://quiz.example.com';

/**
 * What is wrong with a PUBLIC_BASE_URL, or undefined. Signed credentials and printed QR
 * codes carry this address for years, so production must name it, over https; elsewhere it
 * may be omitted (http://localhost:PORT is used).
 */
export function publicBaseUrlProblem(value: unknown, nodeEnv: unknown): string | undefined {
  const production = nodeEnv === 'production';
  if (value === undefined) {
    return production
      ? `must be set when NODE_ENV=production, to the https:// address people reach kubequiz at (credentials and QR codes carry it), ${EXAMPLE}`
      : undefined;
  }
  if (typeof value !== 'string' || !isURL(value, { require_tld: false, require_protocol: true, protocols: ['http', 'https'] })) {
    return `must be an absolute http:// or https:// URL, ${EXAMPLE}`;
  }
  if (production && new URL(value).protocol !== 'https:') {
    return `must use https:// when NODE_ENV=production (credentials and QR codes carry it), ${EXAMPLE}`;
  }
  return undefined;
}

const nodeEnvOf = (args?: ValidationArguments) => (args?.object as { NODE_ENV?: unknown } | undefined)?.NODE_ENV;

/** Validates PUBLIC_BASE_URL against the NODE_ENV of the same settings object. */
export function IsPublicBaseUrl(): PropertyDecorator {
  return ValidateBy({
    name: 'isPublicBaseUrl',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => publicBaseUrlProblem(value, nodeEnvOf(args)) === undefined,
      defaultMessage: (args?: ValidationArguments) => publicBaseUrlProblem(args?.value, nodeEnvOf(args)) ?? 'is invalid',
    },
  });
}
