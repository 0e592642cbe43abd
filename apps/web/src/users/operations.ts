import { graphql } from '../gql';

export const UsersQuery = graphql(`
  query Users {
    users {
      ...AdminUser
    }
  }

  fragment AdminUser on User {
    id
    name
    email
    role
    disabledAt
    lastSignedInAt
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      invitationUrl
      user {
        ...AdminUser
      }
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($userId: ID!) {
    inviteUser(userId: $userId)
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      ...AdminUser
    }
  }
`);

export const EnableUserMutation = graphql(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      ...AdminUser
    }
  }
`);

export const IssueTokenMutation = graphql(`
  mutation IssueToken($userId: ID!) {
    issueToken(userId: $userId) {
      token
      user {
        ...AdminUser
      }
    }
  }
`);

export const ChangeUserRoleMutation = graphql(`
  mutation ChangeUserRole($id: ID!, $role: Role!) {
    changeUserRole(id: $id, role: $role) {
      ...AdminUser
    }
  }
`);
