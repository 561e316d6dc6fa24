/** A grant's health as a coloured pill. */
import type { GrantHealth } from '../shared/model';
import { HEALTH_LABELS } from './labels';

export function StatusPill(props: { health: GrantHealth }) {
  return <span class={`pill pill--${props.health}`}>{HEALTH_LABELS[props.health]}</span>;
}
