import { createContext, useContext } from 'react';
import type { ConsoleViewerQuery } from './graphql/graphql';

export type Viewer = ConsoleViewerQuery['viewer'];

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside a signed-in page');
  return viewer;
}

/** The page a person lands on after signing in, by what they do. */
export function homeOf(viewer: Viewer): string {
  if (viewer.supportEngineer) return '/queue';
  if (viewer.partner) return '/partner';
  return '/picture';
}

/** Members with an admin role see their organization's support picture and open cases. */
export const isOrganizationAdmin = (viewer: Viewer) =>
  !!viewer.organization && !viewer.supportEngineer && viewer.adminRoles.length > 0;
