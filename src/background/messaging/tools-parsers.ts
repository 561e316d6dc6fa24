/**
 * The worker's edge for seller tools: another extension's message is parsed here once, into the typed
 * request, or refused with an `invalid_input` naming the field. Mapped over the tools protocol, so a
 * message type without a parser fails the type check.
 */
import { RESERVED_API_PARAMS } from '../../platforms/api-request';
import { SellerAuthError } from '../../shared/errors';
import {
  TOOLS_MODES,
  type ToolCaller,
  type ToolsMessageType,
  type ToolsMode,
  type ToolsRequestOf,
  type ToolsResponseOf,
} from '../../shared/tools';
import { invalid } from './request-parsers';

export type ToolsHandlers = {
  [T in ToolsMessageType]: (caller: ToolCaller, input: ToolsRequestOf<T>) => Promise<ToolsResponseOf<T>>;
};
type ToolsParsers = { [T in ToolsMessageType]: (payload: unknown) => ToolsRequestOf<T> };
type Fields = Record<string, unknown>;

const MAX_SHOPS = 1000;
const MAX_PARAMS = 100;
const MAX_PARAM_LENGTH = 64 * 1024;
const MAX_NAME_LENGTH = 80;
const MAX_MIN_VALIDITY_S = 24 * 60 * 60;
/** `/orders/get`, `/product/item/get`: letters, digits, `_` and `-` between slashes. */
const API_PATH = /^(\/[A-Za-z0-9_-]+)+$/;
/** `aliexpress.solution.order.get`: at least two dotted parts. */
const DOTTED_METHOD = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+$/;
const PARAM_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function fieldsOf(payload: unknown, optional = false): Fields {
  if (optional && (payload === undefined || payload === null)) return {};
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new SellerAuthError('invalid_input', 'The request is missing its details.');
  }
  return payload as Fields;
}

function shopIdOf(fields: Fields): string {
  const value = fields.shopId;
  if (typeof value !== 'string' || value.trim() === '') throw invalid('shopId', 'shopId is required.');
  return value;
}

function modeOf(fields: Fields): ToolsMode | undefined {
  const value = fields.mode;
  if (value === undefined || value === null) return undefined;
  if (!TOOLS_MODES.some((mode) => mode === value)) throw invalid('mode', 'mode must be "tokens" or "proxy".');
  return value as ToolsMode;
}

function shopsOf(fields: Fields): string[] | undefined {
  const value = fields.shops;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > MAX_SHOPS || value.some((id) => typeof id !== 'string')) {
    throw invalid('shops', 'shops must be a list of shop ids.');
  }
  return value as string[];
}

/** A declared name, shown to the person as unverified: plain text, short. */
function nameOf(fields: Fields): string | undefined {
  const value = fields.name;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid('name', 'name must be text.');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? undefined : clean.slice(0, MAX_NAME_LENGTH);
}

function apiPathOf(fields: Fields): string {
  const value = fields.apiPath;
  if (typeof value !== 'string' || !(API_PATH.test(value) || DOTTED_METHOD.test(value))) {
    throw invalid('apiPath', 'apiPath must be an API path like /orders/get or a method like a.b.c.');
  }
  return value;
}

/** Text values (numbers and booleans as the gateway reads them); Seller Auth's own names are refused. */
function paramsOf(fields: Fields): Record<string, string> {
  const value = fields.params;
  if (value === undefined || value === null) return {};
  const given = fieldsOf(value);
  const entries = Object.entries(given);
  if (entries.length > MAX_PARAMS) throw invalid('params', `At most ${MAX_PARAMS} params.`);
  const params: Record<string, string> = {};
  for (const [name, raw] of entries) {
    if (!PARAM_NAME.test(name)) throw invalid('params', 'A param name is not valid.');
    if (RESERVED_API_PARAMS.includes(name))
      throw invalid('params', `The param ${name} is set by Seller Auth.`);
    const text = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
    if (typeof text !== 'string' || text.length > MAX_PARAM_LENGTH) {
      throw invalid('params', `The param ${name} must be text.`);
    }
    Object.defineProperty(params, name, {
      value: text,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return params;
}

function minValidityOf(fields: Fields): number | undefined {
  const value = fields.minValidityS;
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_MIN_VALIDITY_S) {
    throw invalid('minValidityS', `minValidityS must be a whole number from 0 to ${MAX_MIN_VALIDITY_S}.`);
  }
  return value;
}

const noPayload = (): undefined => undefined;

const TOOLS_PARSERS: ToolsParsers = {
  'tools.hello': noPayload,
  'tools.requestAccess': (payload) => {
    const fields = fieldsOf(payload, true);
    const shops = shopsOf(fields);
    const mode = modeOf(fields);
    const name = nameOf(fields);
    return {
      ...(shops ? { shops } : {}),
      ...(mode ? { mode } : {}),
      ...(name ? { name } : {}),
    };
  },
  'tools.listShops': noPayload,
  'tools.getToken': (payload) => {
    const fields = fieldsOf(payload);
    const minValidityS = minValidityOf(fields);
    return { shopId: shopIdOf(fields), ...(minValidityS !== undefined ? { minValidityS } : {}) };
  },
  'tools.call': (payload) => {
    const fields = fieldsOf(payload);
    return { shopId: shopIdOf(fields), apiPath: apiPathOf(fields), params: paramsOf(fields) };
  },
};

export function parseToolsRequest<T extends ToolsMessageType>(type: T, payload: unknown): ToolsRequestOf<T> {
  return TOOLS_PARSERS[type](payload);
}
