import { Anchor, type AnchorProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { navigate, pathOf, type Route } from './router';

/** A link to a screen of the application: a real href (open in a new tab works), navigation without a reload. */
export function Link({ to, children, ...props }: { to: Route; children: ReactNode } & AnchorProps) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <Anchor href={pathOf(to)} onClick={onClick} {...props}>
      {children}
    </Anchor>
  );
}
