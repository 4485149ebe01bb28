import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

// Refusals in plain words, with what to do next. The gateway's message says what was wrong; the
// console adds the next step a person can take, per code (contract/README.md, Errors).

export interface Refusal {
  code: string;
  message: string;
  /** The input field it concerns (BAD_USER_INPUT, SEVERITY_NOT_ALLOWED), e.g. contact.phone. */
  field?: string;
}

interface Extensions {
  code?: string;
  field?: string;
  partner?: { id: string; name: string };
}

function explain(code: string, message: string, extensions: Extensions): string {
  switch (code) {
    case 'SUPPORT_THROUGH_PARTNER': {
      const partner = extensions.partner?.name ?? 'your partner';
      return `Your support comes from ${partner}. Contact ${partner}: they can open this case on your behalf.`;
    }
    case 'UNAUTHENTICATED':
      return 'Your sign-in has expired. Sign in again.';
    case 'FORBIDDEN':
      return `${message} Ask a global admin of the organization if you need this.`;
    case 'RATE_LIMITED':
      return `${message} Wait a moment, then try again.`;
    case 'SERVICE_UNAVAILABLE':
    case 'SUBGRAPH_UNAVAILABLE':
      return 'Part of the service is not answering right now. Try again in a moment.';
    default:
      return message;
  }
}

/** The first refusal of a failed operation, or a network failure in plain words. */
export function refusalOf(error: unknown): Refusal {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    const first = error.errors[0];
    const extensions = (first.extensions ?? {}) as Extensions;
    const code = extensions.code ?? 'ERROR';
    return { code, message: explain(code, first.message, extensions), field: extensions.field };
  }
  if (ServerError.is(error)) {
    return { code: 'NETWORK', message: `The gateway answered ${error.statusCode}. Try again.` };
  }
  // Not an answer from the gateway: keep the cause for whoever opens the browser console.
  console.error(error);
  return {
    code: 'NETWORK',
    message: 'The gateway could not be reached. Check your connection and try again.',
  };
}
