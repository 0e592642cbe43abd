// What the door keeps of a participation: only the fields it shows, plus ids and the check-in code.
// The same shape is cached on the device (IndexedDB) and shown in the result rows.
export type DoorRole = 'AUDIENCE' | 'MODERATOR' | 'ORGANISER' | 'PANELIST' | 'SPEAKER';
export type DoorStatus = 'ATTENDED' | 'CANCELLED' | 'NO_SHOW' | 'REGISTERED';

export interface DoorParticipant {
  /** The participation's id. */
  id: string;
  eventId: string;
  actorId: string;
  name: string;
  email: string | null;
  organisation: string | null;
  role: DoorRole;
  status: DoorStatus;
  checkedInAt: string | null;
  checkInCode: string | null;
}

/** The counts the door shows. */
export interface DoorCounts {
  registered: number;
  attended: number;
  walkIns: number;
}

/** A participation as the API answers it (see door.operations.ts). */
export interface ParticipationNode {
  id: string;
  role: DoorRole;
  status: DoorStatus;
  checkedInAt?: string | null;
  checkInCode?: string | null;
  actor: {
    id: string;
    name: string;
    email?: string | null;
    organisation?: { name: string } | null;
  };
}

export function toDoorParticipant(eventId: string, node: ParticipationNode): DoorParticipant {
  return {
    id: node.id,
    eventId,
    actorId: node.actor.id,
    name: node.actor.name,
    email: node.actor.email ?? null,
    organisation: node.actor.organisation?.name ?? null,
    role: node.role,
    status: node.status,
    checkedInAt: node.checkedInAt ?? null,
    checkInCode: node.checkInCode ?? null,
  };
}
