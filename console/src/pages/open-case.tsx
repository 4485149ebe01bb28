import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { type Refusal, refusalOf } from '../api/refusal';
import {
  type CaseCategory,
  ConsoleOpenCaseDocument,
  ConsoleOpenCaseFormDocument,
  ConsoleResponseTargetDocument,
  type ContactMethod,
  type ServiceState,
  type Severity,
  type UsersAffected,
} from '../graphql/graphql';
import { navigate, useLocation } from '../router';
import { DateTime } from '../ui/date-time';
import { CATEGORY, SEVERITY_HINT } from '../ui/labels';
import { Empty, Failure, Loading } from '../ui/states';
import { useViewer } from '../viewer';
import { newIdempotencyKey } from './idempotency-key';

interface Form {
  category: CaseCategory;
  topic: string;
  title: string;
  description: string;
  severity: Severity;
  usersAffected: UsersAffected | '';
  serviceState: ServiceState | '';
  workaround: '' | 'yes' | 'no';
  businessImpact: string;
  phone: string;
  email: string;
  preferredMethod: ContactMethod;
}

/** Open a case for the viewer's organization, or (partner agents) for a customer: ?org=<id>. */
export function OpenCasePage() {
  const viewer = useViewer();
  const { params } = useLocation();
  const organizationId = params.get('org') ?? viewer.organization?.id;
  const { data, error, refetch } = useQuery(ConsoleOpenCaseFormDocument, {
    variables: { organizationId: organizationId ?? '' },
    skip: !organizationId,
  });
  if (!organizationId) return <Empty>Choose a customer on your dashboard first.</Empty>;
  if (error && !data) return <Failure error={error} retry={() => refetch()} />;
  if (!data) return <Loading what="the case form" />;
  if (!data.organization) return <Empty>This organization was not found.</Empty>;
  return (
    <section aria-labelledby="open-title">
      <h1 id="open-title">Open a case for {data.organization.name}</h1>
      <OpenCaseForm organizationId={organizationId} email={viewer.email} />
    </section>
  );
}

function OpenCaseForm({ organizationId, email }: { organizationId: string; email: string }) {
  const [form, setForm] = useState<Form>({
    category: 'TECHNICAL',
    topic: '',
    title: '',
    description: '',
    severity: 'C',
    usersAffected: '',
    serviceState: '',
    workaround: '',
    businessImpact: '',
    phone: '',
    email,
    preferredMethod: 'EMAIL',
  });
  // One key per case being written: a double click or a retry returns the same case.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [openCase, { loading }] = useMutation(ConsoleOpenCaseDocument);
  // Set synchronously: a second click in the same frame sees it before React re-renders.
  const submitting = useRef(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm({ ...form, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting.current) return;
    submitting.current = true;
    setRefusal(null);
    try {
      const { data } = await openCase({
        variables: {
          input: {
            organizationId,
            category: form.category,
            topic: form.topic,
            title: form.title,
            description: form.description,
            severity: form.severity,
            impact: impactOf(form),
            businessImpact: form.businessImpact || null,
            contact: {
              phone: form.phone,
              email: form.email,
              preferredMethod: form.preferredMethod,
            },
            idempotencyKey,
          },
        },
      });
      if (data) navigate(`/cases/${encodeURIComponent(data.openCase.id)}`);
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      submitting.current = false;
    }
  };
  const fieldError = (field: string) => (refusal?.field === field ? refusal.message : undefined);

  return (
    <form onSubmit={submit} noValidate>
      {refusal && !refusal.field && (
        <div role="alert" className="refusal">
          {refusal.message}
        </div>
      )}
      <Select
        label="Category"
        value={form.category}
        onChange={(v) => set('category', v as CaseCategory)}
        options={Object.entries(CATEGORY)}
      />
      <Field
        label="Topic (the service or area)"
        value={form.topic}
        onChange={(v) => set('topic', v)}
        error={fieldError('topic')}
        placeholder="e.g. Exchange Online mailbox"
      />
      <Field
        label="Title"
        value={form.title}
        onChange={(v) => set('title', v)}
        error={fieldError('title')}
      />
      <Field
        label="Description"
        multiline
        value={form.description}
        onChange={(v) => set('description', v)}
        error={fieldError('description')}
      />
      <fieldset aria-describedby={fieldError('severity') ? 'severity-error' : undefined}>
        <legend>Severity you ask for (support assesses it)</legend>
        {(['A', 'B', 'C'] as const).map((s) => (
          <label key={s} className="choice">
            <input
              type="radio"
              name="severity"
              value={s}
              checked={form.severity === s}
              onChange={() => set('severity', s)}
            />{' '}
            {SEVERITY_HINT[s]}
          </label>
        ))}
        {fieldError('severity') && (
          <p id="severity-error" role="alert" className="field-error">
            {fieldError('severity')}
          </p>
        )}
      </fieldset>
      <Select
        label="Who is affected"
        value={form.usersAffected}
        onChange={(v) => set('usersAffected', v as Form['usersAffected'])}
        options={[
          ['', 'Not stated'],
          ['SINGLE_USER', 'One user'],
          ['MULTIPLE_USERS', 'Several users or the whole organization'],
        ]}
      />
      <Select
        label="How the service is affected"
        value={form.serviceState}
        onChange={(v) => set('serviceState', v as Form['serviceState'])}
        options={[
          ['', 'Not stated'],
          ['UNUSABLE', 'It cannot be used'],
          ['IMPAIRED', 'It works, impaired'],
          ['BARELY_AFFECTED', 'Barely affected'],
        ]}
      />
      <Select
        label="Is there a workaround"
        value={form.workaround}
        onChange={(v) => set('workaround', v as Form['workaround'])}
        options={[
          ['', 'Not stated'],
          ['yes', 'Yes, an acceptable one'],
          ['no', 'No'],
        ]}
      />
      <Field
        label="Business impact (required for severity A on 21Vianet)"
        multiline
        value={form.businessImpact}
        onChange={(v) => set('businessImpact', v)}
        error={fieldError('businessImpact')}
      />
      <Field
        label="Contact phone"
        type="tel"
        value={form.phone}
        onChange={(v) => set('phone', v)}
        error={fieldError('contact.phone')}
        placeholder="+1 425 555 0100"
      />
      <Field
        label="Contact e-mail"
        type="email"
        value={form.email}
        onChange={(v) => set('email', v)}
        error={fieldError('contact.email')}
      />
      <Select
        label="Preferred contact method"
        value={form.preferredMethod}
        onChange={(v) => set('preferredMethod', v as ContactMethod)}
        options={[
          ['EMAIL', 'E-mail'],
          ['PHONE', 'Phone'],
        ]}
      />
      <ExpectedResponse
        organizationId={organizationId}
        category={form.category}
        severity={form.severity}
        impact={impactOf(form)}
      />
      <button type="submit" disabled={loading} aria-disabled={loading}>
        {loading ? 'Opening the case…' : 'Open the case'}
      </button>
    </form>
  );
}

/** The stated impact, when all three answers are given; support assesses from it (issue 12.1). */
function impactOf(form: Form) {
  if (!form.usersAffected || !form.serviceState || !form.workaround) return null;
  return {
    usersAffected: form.usersAffected,
    serviceState: form.serviceState,
    workaroundExists: form.workaround === 'yes',
  };
}

/** What support promises for this category and severity, before anything is submitted. */
function ExpectedResponse(props: {
  organizationId: string;
  category: CaseCategory;
  severity: Severity;
  impact: ReturnType<typeof impactOf>;
}) {
  const { data, error } = useQuery(ConsoleResponseTargetDocument, { variables: props });
  let body = <p>Working out the expected response…</p>;
  if (error) body = <p>{refusalOf(error).message}</p>;
  else if (data) {
    const t = data.responseTarget;
    body = (
      <p>
        {t.severityAssessed
          ? `Support would assign severity ${t.severity}: ${t.severityReason} `
          : `Severity ${t.severity} stands as asked until support assesses it. `}
        {t.description}
        {t.dueAt && (
          <>
            {' '}
            — if opened now, the first response is due <DateTime value={t.dueAt} />.
          </>
        )}
        {!t.committed && ' There is no response-time commitment for this case.'}
      </p>
    );
  }
  return (
    <section aria-live="polite" aria-labelledby="expected-title" className="expected">
      <h2 id="expected-title">Expected response</h2>
      {body}
    </section>
  );
}

function Field(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  multiline?: boolean;
  type?: string;
  placeholder?: string;
}) {
  const id = useId();
  const common = {
    id,
    value: props.value,
    placeholder: props.placeholder,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': props.error ? `${id}-error` : undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {props.error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
