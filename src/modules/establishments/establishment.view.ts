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
  craftVillage: string | null;
  traditionalCraft: string | null;
  artisans: number | null;
  womenWorkers: number | null;
  disabledWorkers: number | null;
  classificationVersion: number;
  classificationVerifiedBy: string | null;
  classificationVerifiedAt: string | null;
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
    craftVillage: e.craftVillage ?? null,
    traditionalCraft: e.traditionalCraft ?? null,
    artisans: e.artisans ?? null,
    womenWorkers: e.womenWorkers ?? null,
    disabledWorkers: e.disabledWorkers ?? null,
    classificationVersion: e.classificationVersion ?? 0,
    classificationVerifiedBy: e.classificationVerifiedBy ?? null,
    classificationVerifiedAt: e.classificationVerifiedAt ? e.classificationVerifiedAt.toISOString() : null,
    createdAt: e.createdAt.toISOString(),
  };
}
