import { setSession } from './session';

// Development sign-in: the gateway's development-only endpoints (absent in production).
export interface DevUser {
  email: string;
  name?: string;
  description: string;
}

export async function listDevUsers(): Promise<DevUser[]> {
  const response = await fetch('/auth/dev/users');
  if (!response.ok) throw new Error(`The demo users did not load (${response.status}).`);
  return (await response.json()) as DevUser[];
}

export async function devSignIn(email: string): Promise<void> {
  const response = await fetch('/auth/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw new Error(`Signing in as ${email} failed (${response.status}).`);
  const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
  setSession({ token, expiresAt: Math.floor(Date.parse(expiresAt) / 1000) });
}
