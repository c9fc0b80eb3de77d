// A toolbar button that runs a command: its tooltip names the command and its shortcut.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import type { CommandId } from '../../shared/commands';
import { commandTitle, runCommand } from './commands';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> & {
  id: CommandId;
  children: ReactNode;
  /** The tooltip's words, when the command's label is not what the button does here. */
  label?: string;
};

export function CommandButton({ id, children, label, ...rest }: Props) {
  return (
    <button type="button" title={commandTitle(id, label)} onClick={() => runCommand(id)} {...rest}>
      {children}
    </button>
  );
}
