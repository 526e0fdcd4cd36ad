// DRAFT, until referral-service's booking API (issue 30) is in the generated src/api/referral.ts: the shapes of
// /work/notes/booking-api.md ("referral-service REST"), written by hand in this one file so that the screens compile.
// Once `npm run api` generates them, this file re-exports the generated types and `bookingApi` is `referralApi`.
import createClient from 'openapi-fetch';
import { currentSession } from '../auth';
import type { ReferralApi } from '../clients';

export type BookingProvider = 'calcom' | 'calendly';
export type BookingState = 'unmatched' | 'matched' | 'dismissed';
export type BookingStatus = 'booked' | 'cancelled' | 'no_show';
export type BookingMatchedBy = 'code' | 'email' | 'practice';

export const bookingProviderValues: readonly BookingProvider[] = ['calcom', 'calendly'];
export const bookingStateValues: readonly BookingState[] = ['unmatched', 'matched', 'dismissed'];

export interface BookingIntegration {
  id?: string;
  provider?: BookingProvider;
  bookingPageUrl?: string;
  receivingUrl?: string;
  connectedAt?: string;
  rotatedAt?: string | null;
  lastDeliveryAt?: string | null;
  deliveries?: number;
  refused?: number;
}

export interface BookingIntegrationSecret extends BookingIntegration {
  signingSecret?: string | null;
}

export interface ConnectBookingIntegration {
  provider: BookingProvider;
  bookingPageUrl: string;
  signingSecret?: string;
}

export interface RotateBookingIntegration {
  signingSecret?: string;
  newReceivingUrl?: boolean;
}

export interface Booking {
  id?: string;
  provider?: BookingProvider;
  state?: BookingState;
  status?: BookingStatus;
  startsAt?: string;
  endsAt?: string | null;
  attendeeName?: string | null;
  attendeeEmail?: string | null;
  referralId?: string | null;
  matchedBy?: BookingMatchedBy | null;
  receivedAt?: string;
  updatedAt?: string;
}

export interface BookingPage {
  items?: Booking[];
  page?: number;
  size?: number;
  total?: number;
}

/** The referral view's booking fields (ReferralView gains them). */
export interface ReferralBooking {
  bookingCode?: string;
  bookingLink?: string | null;
  consultationAt?: string | null;
  booking?: { id?: string; provider?: BookingProvider; status?: BookingStatus; startsAt?: string } | null;
}

export type ReferralWithBooking = ReferralApi['Referral'] & ReferralBooking;

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Problem = { headers: { [name: string]: unknown }; content: { 'application/problem+json': unknown } };
type Params<P = never, Q = never> = { query?: Q; header?: never; path: P; cookie?: never };
type None = { query?: never; header?: never; path?: never; cookie?: never };

interface DraftPaths {
  '/api/booking-integrations': {
    get: { parameters: None; requestBody?: never; responses: { 200: Json<BookingIntegration[]> } };
    post: {
      parameters: None;
      requestBody: { content: { 'application/json': ConnectBookingIntegration } };
      responses: { 201: Json<BookingIntegrationSecret>; 400: Problem; 409: Problem };
    };
  };
  '/api/booking-integrations/{id}': {
    get: { parameters: Params<{ id: string }>; requestBody?: never; responses: { 200: Json<BookingIntegration> } };
    delete: {
      parameters: Params<{ id: string }>;
      requestBody?: never;
      responses: { 204: { headers: { [name: string]: unknown }; content?: never }; 404: Problem };
    };
  };
  '/api/booking-integrations/{id}/rotate': {
    post: {
      parameters: Params<{ id: string }>;
      requestBody: { content: { 'application/json': RotateBookingIntegration } };
      responses: { 200: Json<BookingIntegrationSecret>; 400: Problem };
    };
  };
  '/api/bookings': {
    get: {
      parameters: { query?: { state?: BookingState; page?: number; size?: number } };
      requestBody?: never;
      responses: { 200: Json<BookingPage> };
    };
  };
  '/api/bookings/{id}/match': {
    post: {
      parameters: Params<{ id: string }>;
      requestBody: { content: { 'application/json': { referralId: string } } };
      responses: { 200: Json<Booking>; 404: Problem; 409: Problem };
    };
  };
  '/api/bookings/{id}/dismiss': {
    post: {
      parameters: Params<{ id: string }>;
      requestBody?: never;
      responses: { 200: Json<Booking>; 409: Problem };
    };
  };
}

export const bookingApi = createClient<DraftPaths>({
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
});
bookingApi.use({
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    request.headers.set('Accept', 'application/json, application/problem+json');
    return request;
  },
});
