// How this gateway signs people in, from /console/config.json (gateway/console/console-routes.ts).
export interface ConsoleSettings {
  graphqlPath: string;
  signIn:
    | { kind: 'development' }
    | { kind: 'oidc'; issuer: string; clientId: string; scope: string }
    | { kind: 'none' };
}

export async function loadSettings(): Promise<ConsoleSettings> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`);
  if (!response.ok) throw new Error(`The console settings did not load (${response.status}).`);
  return (await response.json()) as ConsoleSettings;
}
