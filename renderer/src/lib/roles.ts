import type { PublicUser } from '../api/contract.ts';

export type Role = PublicUser['role'];

export const ROLE_LABELS: Record<Role, string> = {
  dt: 'Designated Teacher',
  deputy: 'Deputy DT (SENDCo)',
};

export const roleLabel = (role: Role | null | undefined): string => (role ? ROLE_LABELS[role] : 'Recovery key');
