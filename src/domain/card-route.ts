import type { CardRoute, Jurisdiction } from './jurisdiction-rules.js';
import type { CaseFields } from './model.js';

/**
 * The card route: a consumer who paid by card can ask the card issuer to put the charge right
 * in parallel with the complaint to the merchant — a billing-error notice (US Fair Credit Billing
 * Act), a claim under s75 of the UK Consumer Credit Act 1974, or a chargeback request. Which one
 * comes from the jurisdiction's `cardDispute.routes`: the first whose card type and price range
 * fit the case.
 */

/** The route a case takes, or why none can be chosen yet. */
export type RouteChoice =
  | { route: CardRoute }
  /** Not paid by card, or the jurisdiction has no card routes. */
  | { route: null; why: 'not-card' | 'no-routes' }
  /** The route depends on the card type (credit or debit), which the case does not record. */
  | { route: null; why: 'card-type' };

type PaymentFacts = Pick<CaseFields, 'paidBy' | 'cardType' | 'amount'>;

function amountFits(route: CardRoute, c: PaymentFacts): boolean {
  const range = route.amount;
  if (!range) return true;
  const a = c.amount;
  if (!a || a.currency !== range.currency) return false;
  if (range.minMinor !== undefined && a.minor < range.minMinor) return false;
  if (range.maxMinor !== undefined && a.minor > range.maxMinor) return false;
  return true;
}

/** Chooses the card route of a case. Pure. */
export function chooseCardRoute(c: PaymentFacts, j: Jurisdiction): RouteChoice {
  if (c.paidBy !== 'card') return { route: null, why: 'not-card' };
  const routes = j.cardDispute?.routes ?? [];
  if (routes.length === 0) return { route: null, why: 'no-routes' };
  for (const route of routes) {
    if (!amountFits(route, c)) continue;
    if (!route.cardTypes) return { route };
    // A route for one kind of card never goes to a card of unknown kind (s75 needs a credit card).
    if (!c.cardType) return { route: null, why: 'card-type' };
    if (route.cardTypes.includes(c.cardType)) return { route };
  }
  return { route: null, why: 'no-routes' };
}

/** The id of the route a case is on, null when none (what clocks and rights filter on). */
export function cardRouteId(c: PaymentFacts, j: Jurisdiction): string | null {
  const choice = chooseCardRoute(c, j);
  return choice.route?.id ?? null;
}
