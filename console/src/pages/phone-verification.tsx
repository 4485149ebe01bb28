import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { refusalOf } from '../api/refusal';
import {
  ConsoleCallerAccountDocument,
  ConsoleConfirmVerificationDocument,
  ConsoleStartVerificationDocument,
} from '../graphql/graphql';
import { DateTime } from '../ui/date-time';
import { Failure, Loading } from '../ui/states';

type Step =
  | { at: 'start' }
  | { at: 'code'; organizationId: string; challengeId: string; sentTo: string }
  | { at: 'verified'; organizationId: string; until: string | null };

/** A caller on the phone: verify them before their organization's contacts and billing open. */
export function PhoneVerification({
  organizations,
}: {
  organizations: { id: string; name: string }[];
}) {
  const [step, setStep] = useState<Step>({ at: 'start' });
  const [message, setMessage] = useState<string | null>(null);
  const [organizationId, setOrganizationId] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [start, starting] = useMutation(ConsoleStartVerificationDocument);
  const [confirm, confirming] = useMutation(ConsoleConfirmVerificationDocument);

  const onStart = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      const { data } = await start({ variables: { organizationId, callerPhone: phone } });
      const result = data!.startPhoneVerification;
      if (!result.required)
        setStep({ at: 'verified', organizationId, until: result.grantExpiresAt ?? null });
      else
        setStep({
          at: 'code',
          organizationId,
          challengeId: result.challengeId!,
          sentTo: result.sentTo ?? 'the registered contact',
        });
    } catch (error) {
      setMessage(refusalOf(error).message);
    }
  };
  const onConfirm = async (event: FormEvent) => {
    event.preventDefault();
    if (step.at !== 'code') return;
    setMessage(null);
    try {
      const { data } = await confirm({ variables: { challengeId: step.challengeId, code } });
      const result = data!.confirmPhoneVerification;
      if (result.verified)
        setStep({
          at: 'verified',
          organizationId: step.organizationId,
          until: result.grantExpiresAt ?? null,
        });
      else setMessage(`That code is wrong. ${result.attemptsLeft} attempts left.`);
    } catch (error) {
      setMessage(refusalOf(error).message);
    }
  };

  return (
    <section aria-labelledby="verify-title" className="verify">
      <h2 id="verify-title">Verify a caller</h2>
      {step.at === 'start' && (
        <form onSubmit={onStart}>
          <label htmlFor="verify-org">Organization id</label>
          <input
            id="verify-org"
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
            placeholder="org-northwind"
            list="queue-organizations"
            required
          />
          <datalist id="queue-organizations">
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </datalist>
          <label htmlFor="verify-phone">Number the caller rings from</label>
          <input
            id="verify-phone"
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            placeholder="+86 10 5555 0100"
            required
          />
          <button type="submit" disabled={starting.loading}>
            Start verification
          </button>
        </form>
      )}
      {step.at === 'code' && (
        <form onSubmit={onConfirm}>
          <p>A code was sent to {step.sentTo}. Ask the caller to read it back.</p>
          <label htmlFor="verify-code">Code</label>
          <input
            id="verify-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
          <button type="submit" disabled={confirming.loading}>
            Confirm the code
          </button>
        </form>
      )}
      {step.at === 'verified' && (
        <>
          <p role="status">
            Caller verified
            {step.until && (
              <>
                {' '}
                until <DateTime value={step.until} />
              </>
            )}
            .
          </p>
          <CallerAccount organizationId={step.organizationId} />
          <button type="button" onClick={() => setStep({ at: 'start' })}>
            Next caller
          </button>
        </>
      )}
      {message && (
        <p role="alert" className="refusal">
          {message}
        </p>
      )}
    </section>
  );
}

function CallerAccount({ organizationId }: { organizationId: string }) {
  const { data, error, refetch } = useQuery(ConsoleCallerAccountDocument, {
    variables: { organizationId },
    fetchPolicy: 'network-only',
  });
  if (error && !data) return <Failure error={error} retry={() => refetch()} />;
  if (!data?.organization) return <Loading what="the caller's account" />;
  const org = data.organization;
  return (
    <dl className="facts" aria-label={`Account of ${org.name}`}>
      <dt>Organization</dt>
      <dd>{org.name}</dd>
      <dt>Registered contacts</dt>
      <dd>{org.registeredContacts?.map((c) => c.value).join(', ') ?? 'not visible'}</dd>
      <dt>Subscriptions</dt>
      <dd>
        {org.subscriptions
          ?.map((s) => `${s.plan.name} (${s.status.toLowerCase()}, ${s.licenses})`)
          .join('; ') ?? 'not visible'}
      </dd>
    </dl>
  );
}
