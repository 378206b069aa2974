//! Claim candidates: the sentences of the copy Factdesk proposes for checking, and why.
