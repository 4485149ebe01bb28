import {
  contactEmail,
  contactPhone,
  idempotencyKey,
  LIMITS,
  optionalText,
  requiredText,
} from '../domain/case-input-rules';
import type { OpenCaseInput } from '../types/open-case.input';

export interface OpenCaseFields {
  topic: string;
  title: string;
  description: string;
  businessImpact: string | null;
  phone: string;
  email: string;
  idempotencyKey: string | null;
}

/** The typed parts of an OpenCaseInput, checked and trimmed; BAD_USER_INPUT names the field. */
export function validateOpenCase(
  input: Pick<
    OpenCaseInput,
    'title' | 'description' | 'topic' | 'businessImpact' | 'contact' | 'idempotencyKey'
  >,
): OpenCaseFields {
  return {
    title: requiredText(input.title, 'title', LIMITS.title),
    description: requiredText(input.description, 'description', LIMITS.description),
    topic: requiredText(input.topic, 'topic', LIMITS.topic),
    businessImpact: optionalText(input.businessImpact, 'businessImpact', LIMITS.businessImpact),
    phone: contactPhone(input.contact.phone),
    email: contactEmail(input.contact.email),
    idempotencyKey: idempotencyKey(input.idempotencyKey),
  };
}
