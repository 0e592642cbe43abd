// The retention part of data protection (issue 12); filled by its work.
export {};
