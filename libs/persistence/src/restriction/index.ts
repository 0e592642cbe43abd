// The restriction part of data protection (issue 12); filled by its work.
export {};
