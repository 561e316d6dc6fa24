/** A grant's health as a coloured pill; a connected grant the platform asked to wait says "Waiting". */
import type { GrantHealth } from '../shared/model';
import { HEALTH_LABELS, waitingLabel } from './labels';

export function StatusPill(props: { health: GrantHealth; waiting?: boolean }) {
  const waiting = props.waiting === true && props.health === 'connected';
  const kind = waiting ? 'waiting' : props.health;
  return <span class={`pill pill--${kind}`}>{waiting ? waitingLabel() : HEALTH_LABELS[props.health]}</span>;
}
