import type { Establishment, EstablishmentKind } from './establishment.entity';

export interface EstablishmentView {
  id: string;
  ownerId: string;
  name: string;
  kind: EstablishmentKind;
  taxCode: string;
  communeCode: string;
  address: string;
  representative: string;
  phone: string;
  employees: number;
  createdAt: string;
}

export function toEstablishmentView(e: Establishment): EstablishmentView {
  return {
    id: e.id,
    ownerId: e.ownerId,
    name: e.name,
    kind: e.kind,
    taxCode: e.taxCode,
    communeCode: e.communeCode,
    address: e.address,
    representative: e.representative,
    phone: e.phone,
    employees: e.employees,
    createdAt: e.createdAt.toISOString(),
  };
}
