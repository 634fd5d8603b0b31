"""Pipeline components: each is a callable `Document -> Document` that adds one layer."""
