import type { ComponentChildren } from 'preact';
import type { SignedToken } from '../api';
import type { Workspace } from '../workspace';

/** What every role's console is given: the session's workspace (live connection, board), who is signed in, and the account widget. */
export interface ConsoleProps {
  workspace: Workspace;
  session: SignedToken;
  account: ComponentChildren;
}
