/**
 * What happened to every shop, kept from outside the extension: the sandbox says which access token is
 * live and until when, and when each authorization's refresh deadline falls (platform truth, not the
 * extension's own belief); the notifier port says which reminders a person saw. From that:
 * - downtime: time with no live access token while the authorization's refresh token was alive;
 * - losses: a grant that died before its refresh deadline is a loss a refresh could have saved, unless
 *   it died holding a token whose refresh answer was dropped after the platform rotated (no client can
 *   learn a pair it was never sent; those are counted apart);
 * - reminders: each threshold (7, 2, 1 days) must show at the first moment the browser is open after it.
 */
import type { Sandbox } from '../sandbox/types';
import type { Grant } from '../src/grants/model';
import type { Availability } from './availability';
import type { ShownNotice } from './browser';
import type { LostHow } from './network';
import type { Shop } from './population';
import { DAY_MS, MINUTE_MS } from './time';

/** A reminder counts as shown at a moment if it came within this of it (the wake's own work). */
export const REMINDER_SLACK_MS = 10 * MINUTE_MS;
/**
 * The extension learns deadlines in whole seconds counted from when it sent the call, so its deadline
 * (and every reminder counted back from it) comes up to a couple of seconds before the platform's.
 */
const DEADLINE_TOLERANCE_MS = MINUTE_MS;
const REMINDER_DAYS = [7, 2, 1] as const;

export interface Authorization {
  authorizedAt: number;
  /** The platform's refresh deadline for this authorization. */
  deadline: number;
  remindersAt: number[];
  end?: {
    at: number;
    errorCode: string | undefined;
    /** Died while its refresh token was still alive. */
    beforeDeadline: boolean;
    /** Died before its deadline, and not of a dropped answer: a refresh could have saved it. */
    avoidable: boolean;
    /** The grant died holding a refresh token whose refresh answer was lost. */
    lostAnswer?: LostHow;
  };
}

interface ShopLedger {
  shop: Shop;
  grantId?: string;
  authorizations: Authorization[];
  /** The platform's expiry of the access token the extension holds, or the time it was seen not live. */
  validUntil: number;
  /** Downtime is counted up to here. */
  countedUntil: number;
  downtimeMs: number;
  /** The part of `downtimeMs` after the grant died before its deadline, until the seller authorized again. */
  deadDowntimeMs: number;
}

export interface ReminderFigures {
  /** Thresholds passed while the browser was open at some point before the deadline. */
  judged: number;
  /** ... of which no reminder was shown at the first open moment: must be 0. */
  skipped: number;
  /**
   * Reminders beyond one per threshold passed, or two in one wake (several thresholds missed at once
   * show only the most urgent): must be 0.
   */
  repeated: number;
}

export interface ForcedReauthorization {
  shop: number;
  at: number;
  beforeDeadline: boolean;
  avoidable: boolean;
  errorCode: string | undefined;
  lostAnswer?: LostHow;
  /** A reminder shown at the 7-day threshold (within the slack of it). */
  warned7DaysAhead: boolean;
  /** The browser was open at some point in the last 7 days before the deadline. */
  openInLast7Days: boolean;
  /** A reminder was shown in the last 7 days before the deadline. */
  warnedInLast7Days: boolean;
}

export class Book {
  private readonly shops: ShopLedger[];
  private readonly byGrant = new Map<string, ShopLedger>();

  constructor(
    shops: readonly Shop[],
    private readonly sandbox: Pick<Sandbox, 'inspectAccessToken'>,
    private readonly lostAnswers: ReadonlyMap<string, LostHow>,
  ) {
    this.shops = shops.map((shop) => ({
      shop,
      authorizations: [],
      validUntil: 0,
      countedUntil: 0,
      downtimeMs: 0,
      deadDowntimeMs: 0,
    }));
  }

  /** A connect (first or again) succeeded at `now` for this grant. */
  authorized(shop: Shop, grant: Grant, now: number): void {
    const ledger = this.shops[shop.index] as ShopLedger;
    this.countDowntime(ledger, now);
    const live = this.sandbox.inspectAccessToken(grant.accessToken);
    if (!live) throw new Error(`shop ${shop.index}: the token the extension just stored is not live`);
    ledger.grantId = grant.id;
    this.byGrant.set(grant.id, ledger);
    ledger.authorizations.push({ authorizedAt: now, deadline: live.refreshExpiresAt, remindersAt: [] });
    ledger.validUntil = live.accessExpiresAt;
  }

  /** A grant as stored after a step. Resolves to the shop when it has just died (a person must authorize again). */
  observe(grant: Grant, now: number): Shop | undefined {
    const ledger = this.byGrant.get(grant.id);
    const current = ledger?.authorizations.at(-1);
    if (!ledger || !current) return undefined;
    this.countDowntime(ledger, now);
    ledger.validUntil = this.sandbox.inspectAccessToken(grant.accessToken)?.accessExpiresAt ?? now;
    if (grant.status !== 'needs_authorization' || current.end) return undefined;
    const lostAnswer = this.lostAnswers.get(grant.refreshToken);
    const beforeDeadline = now < current.deadline - DEADLINE_TOLERANCE_MS;
    current.end = {
      at: now,
      errorCode: grant.lastError?.code,
      beforeDeadline,
      avoidable: beforeDeadline && lostAnswer !== 'dropped',
      ...(lostAnswer ? { lostAnswer } : {}),
    };
    return ledger.shop;
  }

  notice(notice: ShownNotice): void {
    if (notice.kind !== 'reminder') return;
    this.byGrant.get(notice.grantId)?.authorizations.at(-1)?.remindersAt.push(notice.at);
  }

  /** Counts downtime up to `end` for every shop. */
  close(end: number): void {
    for (const ledger of this.shops) this.countDowntime(ledger, end);
  }

  downtimeMinutes(): { total: number; whileDead: number }[] {
    return this.shops.map((ledger) => ({
      total: ledger.downtimeMs / MINUTE_MS,
      whileDead: ledger.deadDowntimeMs / MINUTE_MS,
    }));
  }

  authorizations(): Authorization[][] {
    return this.shops.map((ledger) => ledger.authorizations);
  }

  /** Every authorization that ended before `end`: each forced the seller to authorize again. */
  forcedReauthorizations(availability: Availability): ForcedReauthorization[] {
    return this.shops.flatMap((ledger) =>
      ledger.authorizations.flatMap((authorization) => {
        const { end, deadline, remindersAt } = authorization;
        if (!end) return [];
        const last7 = deadline - 7 * DAY_MS - DEADLINE_TOLERANCE_MS;
        return [
          {
            shop: ledger.shop.index,
            at: end.at,
            beforeDeadline: end.beforeDeadline,
            avoidable: end.avoidable,
            errorCode: end.errorCode,
            ...(end.lostAnswer ? { lostAnswer: end.lostAnswer } : {}),
            warned7DaysAhead: remindersAt.some((at) => at >= last7 && at <= last7 + REMINDER_SLACK_MS),
            openInLast7Days: availability.firstOpenIn(last7, deadline) !== undefined,
            warnedInLast7Days: remindersAt.some((at) => at >= last7 && at < deadline),
          },
        ];
      }),
    );
  }

  /**
   * For every threshold that passed during an authorization's life (not already behind its deadline when
   * it was authorized), the first moment the browser was open from the threshold until the deadline (or
   * the authorization's end): a reminder must have shown between the threshold and that moment.
   */
  reminders(availability: Availability, end: number): ReminderFigures {
    const figures: ReminderFigures = { judged: 0, skipped: 0, repeated: 0 };
    for (const ledger of this.shops) {
      for (const authorization of ledger.authorizations) {
        const { authorizedAt, deadline, remindersAt } = authorization;
        const until = Math.min(deadline, authorization.end?.at ?? end, end);
        for (const days of REMINDER_DAYS) {
          const threshold = deadline - days * DAY_MS;
          if (threshold <= authorizedAt || threshold >= until) continue;
          const firstOpen = availability.firstOpenIn(threshold, until);
          if (firstOpen === undefined) continue;
          figures.judged += 1;
          const shown = remindersAt.some(
            (at) => at >= threshold - DEADLINE_TOLERANCE_MS && at <= firstOpen + REMINDER_SLACK_MS,
          );
          if (!shown) figures.skipped += 1;
        }
        figures.repeated += repeatedReminders(authorization, until);
      }
    }
    return figures;
  }

  private countDowntime(ledger: ShopLedger, until: number): void {
    const current = ledger.authorizations.at(-1);
    if (current) {
      const from = Math.max(ledger.countedUntil, ledger.validUntil, current.authorizedAt);
      const to = Math.min(until, current.deadline);
      if (to > from) {
        ledger.downtimeMs += to - from;
        if (current.end) ledger.deadDowntimeMs += to - Math.max(from, current.end.at);
      }
    }
    ledger.countedUntil = Math.max(ledger.countedUntil, until);
  }
}

/** Two reminders this close together came from one wake. */
const ONE_WAKE_MS = MINUTE_MS;

function repeatedReminders({ authorizedAt, deadline, remindersAt }: Authorization, until: number): number {
  const passed = REMINDER_DAYS.filter((days) => {
    const threshold = deadline - days * DAY_MS;
    return threshold > authorizedAt && threshold < until;
  }).length;
  const sorted = [...remindersAt].sort((a, b) => a - b);
  let sameWake = 0;
  for (let i = 1; i < sorted.length; i += 1) {
    if ((sorted[i] as number) - (sorted[i - 1] as number) < ONE_WAKE_MS) sameWake += 1;
  }
  return Math.max(0, sorted.length - passed) + sameWake;
}
