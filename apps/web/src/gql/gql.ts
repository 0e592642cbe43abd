/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Actors($filter: ActorFilterInput, $first: Int, $after: String) {\n    actors(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          name\n          email\n          sector\n          organisation {\n            id\n            name\n          }\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ActorsDocument,
    "\n  query OrganisationOptions($search: String) {\n    actors(filter: { kind: ORGANISATION, search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.OrganisationOptionsDocument,
    "\n  query Municipalities {\n    municipalities {\n      code\n      name\n      county\n    }\n  }\n": typeof types.MunicipalitiesDocument,
    "\n  query Actor($id: ID!) {\n    actor(id: $id) {\n      id\n      kind\n      name\n      email\n      title\n      gender\n      legalBasis\n      sector\n      country\n      organisationNumber\n      createdAt\n      updatedAt\n      organisation {\n        id\n        name\n      }\n      municipality {\n        code\n        name\n      }\n    }\n  }\n": typeof types.ActorDocument,
    "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePersonDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  mutation UpdateActor($id: ID!, $input: UpdateActorInput!) {\n    updateActor(id: $id, input: $input) {\n      id\n      kind\n      name\n      email\n      title\n      gender\n      legalBasis\n      sector\n      country\n      organisationNumber\n      updatedAt\n      organisation {\n        id\n        name\n      }\n      municipality {\n        code\n        name\n      }\n    }\n  }\n": typeof types.UpdateActorDocument,
    "\n  fragment DoorParticipationFields on Participation {\n    id\n    role\n    status\n    checkedInAt\n    checkInCode\n    actor {\n      id\n      name\n      email\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": typeof types.DoorParticipationFieldsFragmentDoc,
    "\n  query DoorEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n    }\n  }\n": typeof types.DoorEventDocument,
    "\n  query DoorParticipants($id: ID!, $first: Int!, $after: String) {\n    event(id: $id) {\n      id\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...DoorParticipationFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.DoorParticipantsDocument,
    "\n  query DoorCheckInSearch($eventId: ID!, $query: String!) {\n    checkInSearch(eventId: $eventId, query: $query) {\n      ...DoorParticipationFields\n    }\n  }\n": typeof types.DoorCheckInSearchDocument,
    "\n  query DoorAttendance($eventId: ID!) {\n    eventAttendance(eventId: $eventId) {\n      registered\n      attended\n      walkIns\n    }\n  }\n": typeof types.DoorAttendanceDocument,
    "\n  subscription DoorAttendanceChanged($eventId: ID!) {\n    eventAttendanceChanged(eventId: $eventId) {\n      registered\n      attended\n      walkIns\n    }\n  }\n": typeof types.DoorAttendanceChangedDocument,
    "\n  mutation DoorCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      ...DoorParticipationFields\n    }\n  }\n": typeof types.DoorCheckInDocument,
    "\n  mutation DoorCheckInByCode($eventId: ID!, $code: String!, $idempotencyKey: ID, $occurredAt: DateTime) {\n    checkInByCode(eventId: $eventId, code: $code, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {\n      ...DoorParticipationFields\n    }\n  }\n": typeof types.DoorCheckInByCodeDocument,
    "\n  mutation DoorUndoCheckIn($input: CheckInInput!) {\n    undoCheckIn(input: $input) {\n      ...DoorParticipationFields\n    }\n  }\n": typeof types.DoorUndoCheckInDocument,
    "\n  mutation DoorWalkIn($eventId: ID!, $input: CreatePersonInput!, $idempotencyKey: ID, $occurredAt: DateTime) {\n    walkIn(eventId: $eventId, input: $input, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {\n      ...DoorParticipationFields\n    }\n  }\n": typeof types.DoorWalkInDocument,
    "\n  mutation DoorCreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      id\n      name\n      sector\n    }\n  }\n": typeof types.DoorCreateOrganisationDocument,
    "\n  query DoorOrganisations($search: String) {\n    actors(first: 20, filter: { kind: ORGANISATION, search: $search }) {\n      edges {\n        node {\n          id\n          name\n          sector\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DoorOrganisationsDocument,
    "\n  query DoorMunicipalities {\n    municipalities {\n      code\n      name\n      countyCode\n      county\n    }\n  }\n": typeof types.DoorMunicipalitiesDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": typeof types.MeDocument,
    "\n  query DuplicateCandidates($first: Int, $after: String) {\n    duplicateCandidates(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          score\n          reasons\n          a {\n            ...ComparedActor\n          }\n          b {\n            ...ComparedActor\n          }\n        }\n      }\n    }\n  }\n\n  fragment ComparedActor on Actor {\n    id\n    kind\n    name\n    email\n    title\n    organisationNumber\n    sector\n    country\n    createdAt\n    organisation {\n      id\n      name\n    }\n    municipality {\n      code\n      name\n    }\n  }\n": typeof types.DuplicateCandidatesDocument,
    "\n  mutation MergeActors($keepId: ID!, $mergeId: ID!) {\n    mergeActors(keepId: $keepId, mergeId: $mergeId) {\n      id\n      name\n    }\n  }\n": typeof types.MergeActorsDocument,
    "\n  mutation DismissDuplicate($id: ID!) {\n    dismissDuplicate(id: $id)\n  }\n": typeof types.DismissDuplicateDocument,
    "\n  query MeetingPlaces {\n    meetingPlaces {\n      code\n      name\n      city\n    }\n  }\n": typeof types.MeetingPlacesDocument,
    "\n  query Events($filter: EventFilterInput, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          startsAt\n          endsAt\n          meetingPlace\n          format\n        }\n      }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  query EventForEdit($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n": typeof types.EventForEditDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n": typeof types.CreateEventDocument,
    "\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n": typeof types.UpdateEventDocument,
    "\n  query EventWithParticipants($id: ID!, $first: Int, $after: String) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n      meetingPlace\n      format\n      topics\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            role\n            status\n            source\n            checkedInAt\n            actor {\n              id\n              name\n              email\n              organisation {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.EventWithParticipantsDocument,
    "\n  mutation RegisterParticipation($input: RegisterParticipationInput!) {\n    registerParticipation(input: $input) {\n      id\n      role\n      status\n      checkedInAt\n    }\n  }\n": typeof types.RegisterParticipationDocument,
    "\n  mutation CancelParticipation($input: CancelParticipationInput!) {\n    cancelParticipation(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.CancelParticipationDocument,
    "\n  query RegistrationImport($id: ID!) {\n    registrationImport(id: $id) {\n      id\n      eventId\n      fileName\n      status\n      createdAt\n      finishedAt\n      rows\n      createdParticipations\n      updatedParticipations\n      matchedActors\n      createdActors\n      error\n      ignoredColumns\n      rejected {\n        line\n        reason\n      }\n    }\n  }\n": typeof types.RegistrationImportDocument,
    "\n  query ImportEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n    }\n  }\n": typeof types.ImportEventDocument,
    "\n  query RegistrationImports($eventId: ID!) {\n    registrationImports(eventId: $eventId) {\n      id\n      fileName\n      status\n      createdAt\n      createdParticipations\n      updatedParticipations\n      rejectedCount\n    }\n  }\n": typeof types.RegistrationImportsDocument,
};
const documents: Documents = {
    "\n  query Actors($filter: ActorFilterInput, $first: Int, $after: String) {\n    actors(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          name\n          email\n          sector\n          organisation {\n            id\n            name\n          }\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ActorsDocument,
    "\n  query OrganisationOptions($search: String) {\n    actors(filter: { kind: ORGANISATION, search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": types.OrganisationOptionsDocument,
    "\n  query Municipalities {\n    municipalities {\n      code\n      name\n      county\n    }\n  }\n": types.MunicipalitiesDocument,
    "\n  query Actor($id: ID!) {\n    actor(id: $id) {\n      id\n      kind\n      name\n      email\n      title\n      gender\n      legalBasis\n      sector\n      country\n      organisationNumber\n      createdAt\n      updatedAt\n      organisation {\n        id\n        name\n      }\n      municipality {\n        code\n        name\n      }\n    }\n  }\n": types.ActorDocument,
    "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n    }\n  }\n": types.CreatePersonDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      id\n    }\n  }\n": types.CreateOrganisationDocument,
    "\n  mutation UpdateActor($id: ID!, $input: UpdateActorInput!) {\n    updateActor(id: $id, input: $input) {\n      id\n      kind\n      name\n      email\n      title\n      gender\n      legalBasis\n      sector\n      country\n      organisationNumber\n      updatedAt\n      organisation {\n        id\n        name\n      }\n      municipality {\n        code\n        name\n      }\n    }\n  }\n": types.UpdateActorDocument,
    "\n  fragment DoorParticipationFields on Participation {\n    id\n    role\n    status\n    checkedInAt\n    checkInCode\n    actor {\n      id\n      name\n      email\n      organisation {\n        id\n        name\n      }\n    }\n  }\n": types.DoorParticipationFieldsFragmentDoc,
    "\n  query DoorEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n    }\n  }\n": types.DoorEventDocument,
    "\n  query DoorParticipants($id: ID!, $first: Int!, $after: String) {\n    event(id: $id) {\n      id\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...DoorParticipationFields\n          }\n        }\n      }\n    }\n  }\n": types.DoorParticipantsDocument,
    "\n  query DoorCheckInSearch($eventId: ID!, $query: String!) {\n    checkInSearch(eventId: $eventId, query: $query) {\n      ...DoorParticipationFields\n    }\n  }\n": types.DoorCheckInSearchDocument,
    "\n  query DoorAttendance($eventId: ID!) {\n    eventAttendance(eventId: $eventId) {\n      registered\n      attended\n      walkIns\n    }\n  }\n": types.DoorAttendanceDocument,
    "\n  subscription DoorAttendanceChanged($eventId: ID!) {\n    eventAttendanceChanged(eventId: $eventId) {\n      registered\n      attended\n      walkIns\n    }\n  }\n": types.DoorAttendanceChangedDocument,
    "\n  mutation DoorCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      ...DoorParticipationFields\n    }\n  }\n": types.DoorCheckInDocument,
    "\n  mutation DoorCheckInByCode($eventId: ID!, $code: String!, $idempotencyKey: ID, $occurredAt: DateTime) {\n    checkInByCode(eventId: $eventId, code: $code, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {\n      ...DoorParticipationFields\n    }\n  }\n": types.DoorCheckInByCodeDocument,
    "\n  mutation DoorUndoCheckIn($input: CheckInInput!) {\n    undoCheckIn(input: $input) {\n      ...DoorParticipationFields\n    }\n  }\n": types.DoorUndoCheckInDocument,
    "\n  mutation DoorWalkIn($eventId: ID!, $input: CreatePersonInput!, $idempotencyKey: ID, $occurredAt: DateTime) {\n    walkIn(eventId: $eventId, input: $input, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {\n      ...DoorParticipationFields\n    }\n  }\n": types.DoorWalkInDocument,
    "\n  mutation DoorCreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      id\n      name\n      sector\n    }\n  }\n": types.DoorCreateOrganisationDocument,
    "\n  query DoorOrganisations($search: String) {\n    actors(first: 20, filter: { kind: ORGANISATION, search: $search }) {\n      edges {\n        node {\n          id\n          name\n          sector\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DoorOrganisationsDocument,
    "\n  query DoorMunicipalities {\n    municipalities {\n      code\n      name\n      countyCode\n      county\n    }\n  }\n": types.DoorMunicipalitiesDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n": types.MeDocument,
    "\n  query DuplicateCandidates($first: Int, $after: String) {\n    duplicateCandidates(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          score\n          reasons\n          a {\n            ...ComparedActor\n          }\n          b {\n            ...ComparedActor\n          }\n        }\n      }\n    }\n  }\n\n  fragment ComparedActor on Actor {\n    id\n    kind\n    name\n    email\n    title\n    organisationNumber\n    sector\n    country\n    createdAt\n    organisation {\n      id\n      name\n    }\n    municipality {\n      code\n      name\n    }\n  }\n": types.DuplicateCandidatesDocument,
    "\n  mutation MergeActors($keepId: ID!, $mergeId: ID!) {\n    mergeActors(keepId: $keepId, mergeId: $mergeId) {\n      id\n      name\n    }\n  }\n": types.MergeActorsDocument,
    "\n  mutation DismissDuplicate($id: ID!) {\n    dismissDuplicate(id: $id)\n  }\n": types.DismissDuplicateDocument,
    "\n  query MeetingPlaces {\n    meetingPlaces {\n      code\n      name\n      city\n    }\n  }\n": types.MeetingPlacesDocument,
    "\n  query Events($filter: EventFilterInput, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          startsAt\n          endsAt\n          meetingPlace\n          format\n        }\n      }\n    }\n  }\n": types.EventsDocument,
    "\n  query EventForEdit($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n": types.EventForEditDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n": types.CreateEventDocument,
    "\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n": types.UpdateEventDocument,
    "\n  query EventWithParticipants($id: ID!, $first: Int, $after: String) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n      meetingPlace\n      format\n      topics\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            role\n            status\n            source\n            checkedInAt\n            actor {\n              id\n              name\n              email\n              organisation {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.EventWithParticipantsDocument,
    "\n  mutation RegisterParticipation($input: RegisterParticipationInput!) {\n    registerParticipation(input: $input) {\n      id\n      role\n      status\n      checkedInAt\n    }\n  }\n": types.RegisterParticipationDocument,
    "\n  mutation CancelParticipation($input: CancelParticipationInput!) {\n    cancelParticipation(input: $input) {\n      id\n      status\n    }\n  }\n": types.CancelParticipationDocument,
    "\n  query RegistrationImport($id: ID!) {\n    registrationImport(id: $id) {\n      id\n      eventId\n      fileName\n      status\n      createdAt\n      finishedAt\n      rows\n      createdParticipations\n      updatedParticipations\n      matchedActors\n      createdActors\n      error\n      ignoredColumns\n      rejected {\n        line\n        reason\n      }\n    }\n  }\n": types.RegistrationImportDocument,
    "\n  query ImportEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n    }\n  }\n": types.ImportEventDocument,
    "\n  query RegistrationImports($eventId: ID!) {\n    registrationImports(eventId: $eventId) {\n      id\n      fileName\n      status\n      createdAt\n      createdParticipations\n      updatedParticipations\n      rejectedCount\n    }\n  }\n": types.RegistrationImportsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Actors($filter: ActorFilterInput, $first: Int, $after: String) {\n    actors(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          name\n          email\n          sector\n          organisation {\n            id\n            name\n          }\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Actors($filter: ActorFilterInput, $first: Int, $after: String) {\n    actors(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          name\n          email\n          sector\n          organisation {\n            id\n            name\n          }\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationOptions($search: String) {\n    actors(filter: { kind: ORGANISATION, search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganisationOptions($search: String) {\n    actors(filter: { kind: ORGANISATION, search: $search }, first: 20) {\n      edges {\n        node {\n          id\n          name\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Municipalities {\n    municipalities {\n      code\n      name\n      county\n    }\n  }\n"): (typeof documents)["\n  query Municipalities {\n    municipalities {\n      code\n      name\n      county\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Actor($id: ID!) {\n    actor(id: $id) {\n      id\n      kind\n      name\n      email\n      title\n      gender\n      legalBasis\n      sector\n      country\n      organisationNumber\n      createdAt\n      updatedAt\n      organisation {\n        id\n        name\n      }\n      municipality {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Actor($id: ID!) {\n    actor(id: $id) {\n      id\n      kind\n      name\n      email\n      title\n      gender\n      legalBasis\n      sector\n      country\n      organisationNumber\n      createdAt\n      updatedAt\n      organisation {\n        id\n        name\n      }\n      municipality {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePerson($input: CreatePersonInput!) {\n    createPerson(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateActor($id: ID!, $input: UpdateActorInput!) {\n    updateActor(id: $id, input: $input) {\n      id\n      kind\n      name\n      email\n      title\n      gender\n      legalBasis\n      sector\n      country\n      organisationNumber\n      updatedAt\n      organisation {\n        id\n        name\n      }\n      municipality {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateActor($id: ID!, $input: UpdateActorInput!) {\n    updateActor(id: $id, input: $input) {\n      id\n      kind\n      name\n      email\n      title\n      gender\n      legalBasis\n      sector\n      country\n      organisationNumber\n      updatedAt\n      organisation {\n        id\n        name\n      }\n      municipality {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DoorParticipationFields on Participation {\n    id\n    role\n    status\n    checkedInAt\n    checkInCode\n    actor {\n      id\n      name\n      email\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DoorParticipationFields on Participation {\n    id\n    role\n    status\n    checkedInAt\n    checkInCode\n    actor {\n      id\n      name\n      email\n      organisation {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoorEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n    }\n  }\n"): (typeof documents)["\n  query DoorEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoorParticipants($id: ID!, $first: Int!, $after: String) {\n    event(id: $id) {\n      id\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...DoorParticipationFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DoorParticipants($id: ID!, $first: Int!, $after: String) {\n    event(id: $id) {\n      id\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...DoorParticipationFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoorCheckInSearch($eventId: ID!, $query: String!) {\n    checkInSearch(eventId: $eventId, query: $query) {\n      ...DoorParticipationFields\n    }\n  }\n"): (typeof documents)["\n  query DoorCheckInSearch($eventId: ID!, $query: String!) {\n    checkInSearch(eventId: $eventId, query: $query) {\n      ...DoorParticipationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoorAttendance($eventId: ID!) {\n    eventAttendance(eventId: $eventId) {\n      registered\n      attended\n      walkIns\n    }\n  }\n"): (typeof documents)["\n  query DoorAttendance($eventId: ID!) {\n    eventAttendance(eventId: $eventId) {\n      registered\n      attended\n      walkIns\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DoorAttendanceChanged($eventId: ID!) {\n    eventAttendanceChanged(eventId: $eventId) {\n      registered\n      attended\n      walkIns\n    }\n  }\n"): (typeof documents)["\n  subscription DoorAttendanceChanged($eventId: ID!) {\n    eventAttendanceChanged(eventId: $eventId) {\n      registered\n      attended\n      walkIns\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoorCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      ...DoorParticipationFields\n    }\n  }\n"): (typeof documents)["\n  mutation DoorCheckIn($input: CheckInInput!) {\n    checkIn(input: $input) {\n      ...DoorParticipationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoorCheckInByCode($eventId: ID!, $code: String!, $idempotencyKey: ID, $occurredAt: DateTime) {\n    checkInByCode(eventId: $eventId, code: $code, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {\n      ...DoorParticipationFields\n    }\n  }\n"): (typeof documents)["\n  mutation DoorCheckInByCode($eventId: ID!, $code: String!, $idempotencyKey: ID, $occurredAt: DateTime) {\n    checkInByCode(eventId: $eventId, code: $code, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {\n      ...DoorParticipationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoorUndoCheckIn($input: CheckInInput!) {\n    undoCheckIn(input: $input) {\n      ...DoorParticipationFields\n    }\n  }\n"): (typeof documents)["\n  mutation DoorUndoCheckIn($input: CheckInInput!) {\n    undoCheckIn(input: $input) {\n      ...DoorParticipationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoorWalkIn($eventId: ID!, $input: CreatePersonInput!, $idempotencyKey: ID, $occurredAt: DateTime) {\n    walkIn(eventId: $eventId, input: $input, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {\n      ...DoorParticipationFields\n    }\n  }\n"): (typeof documents)["\n  mutation DoorWalkIn($eventId: ID!, $input: CreatePersonInput!, $idempotencyKey: ID, $occurredAt: DateTime) {\n    walkIn(eventId: $eventId, input: $input, idempotencyKey: $idempotencyKey, occurredAt: $occurredAt) {\n      ...DoorParticipationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoorCreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      id\n      name\n      sector\n    }\n  }\n"): (typeof documents)["\n  mutation DoorCreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) {\n      id\n      name\n      sector\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoorOrganisations($search: String) {\n    actors(first: 20, filter: { kind: ORGANISATION, search: $search }) {\n      edges {\n        node {\n          id\n          name\n          sector\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DoorOrganisations($search: String) {\n    actors(first: 20, filter: { kind: ORGANISATION, search: $search }) {\n      edges {\n        node {\n          id\n          name\n          sector\n          municipality {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoorMunicipalities {\n    municipalities {\n      code\n      name\n      countyCode\n      county\n    }\n  }\n"): (typeof documents)["\n  query DoorMunicipalities {\n    municipalities {\n      code\n      name\n      countyCode\n      county\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuplicateCandidates($first: Int, $after: String) {\n    duplicateCandidates(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          score\n          reasons\n          a {\n            ...ComparedActor\n          }\n          b {\n            ...ComparedActor\n          }\n        }\n      }\n    }\n  }\n\n  fragment ComparedActor on Actor {\n    id\n    kind\n    name\n    email\n    title\n    organisationNumber\n    sector\n    country\n    createdAt\n    organisation {\n      id\n      name\n    }\n    municipality {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query DuplicateCandidates($first: Int, $after: String) {\n    duplicateCandidates(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          score\n          reasons\n          a {\n            ...ComparedActor\n          }\n          b {\n            ...ComparedActor\n          }\n        }\n      }\n    }\n  }\n\n  fragment ComparedActor on Actor {\n    id\n    kind\n    name\n    email\n    title\n    organisationNumber\n    sector\n    country\n    createdAt\n    organisation {\n      id\n      name\n    }\n    municipality {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeActors($keepId: ID!, $mergeId: ID!) {\n    mergeActors(keepId: $keepId, mergeId: $mergeId) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation MergeActors($keepId: ID!, $mergeId: ID!) {\n    mergeActors(keepId: $keepId, mergeId: $mergeId) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissDuplicate($id: ID!) {\n    dismissDuplicate(id: $id)\n  }\n"): (typeof documents)["\n  mutation DismissDuplicate($id: ID!) {\n    dismissDuplicate(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingPlaces {\n    meetingPlaces {\n      code\n      name\n      city\n    }\n  }\n"): (typeof documents)["\n  query MeetingPlaces {\n    meetingPlaces {\n      code\n      name\n      city\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events($filter: EventFilterInput, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          startsAt\n          endsAt\n          meetingPlace\n          format\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Events($filter: EventFilterInput, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          title\n          startsAt\n          endsAt\n          meetingPlace\n          format\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventForEdit($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n"): (typeof documents)["\n  query EventForEdit($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      id\n      title\n      meetingPlace\n      startsAt\n      endsAt\n      format\n      attendanceMode\n      topics\n      rusPriorities\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventWithParticipants($id: ID!, $first: Int, $after: String) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n      meetingPlace\n      format\n      topics\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            role\n            status\n            source\n            checkedInAt\n            actor {\n              id\n              name\n              email\n              organisation {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventWithParticipants($id: ID!, $first: Int, $after: String) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n      endsAt\n      meetingPlace\n      format\n      topics\n      participants(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            role\n            status\n            source\n            checkedInAt\n            actor {\n              id\n              name\n              email\n              organisation {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterParticipation($input: RegisterParticipationInput!) {\n    registerParticipation(input: $input) {\n      id\n      role\n      status\n      checkedInAt\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterParticipation($input: RegisterParticipationInput!) {\n    registerParticipation(input: $input) {\n      id\n      role\n      status\n      checkedInAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelParticipation($input: CancelParticipationInput!) {\n    cancelParticipation(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelParticipation($input: CancelParticipationInput!) {\n    cancelParticipation(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegistrationImport($id: ID!) {\n    registrationImport(id: $id) {\n      id\n      eventId\n      fileName\n      status\n      createdAt\n      finishedAt\n      rows\n      createdParticipations\n      updatedParticipations\n      matchedActors\n      createdActors\n      error\n      ignoredColumns\n      rejected {\n        line\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegistrationImport($id: ID!) {\n    registrationImport(id: $id) {\n      id\n      eventId\n      fileName\n      status\n      createdAt\n      finishedAt\n      rows\n      createdParticipations\n      updatedParticipations\n      matchedActors\n      createdActors\n      error\n      ignoredColumns\n      rejected {\n        line\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n    }\n  }\n"): (typeof documents)["\n  query ImportEvent($id: ID!) {\n    event(id: $id) {\n      id\n      title\n      startsAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegistrationImports($eventId: ID!) {\n    registrationImports(eventId: $eventId) {\n      id\n      fileName\n      status\n      createdAt\n      createdParticipations\n      updatedParticipations\n      rejectedCount\n    }\n  }\n"): (typeof documents)["\n  query RegistrationImports($eventId: ID!) {\n    registrationImports(eventId: $eventId) {\n      id\n      fileName\n      status\n      createdAt\n      createdParticipations\n      updatedParticipations\n      rejectedCount\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;