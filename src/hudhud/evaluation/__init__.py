"""Evaluation against gold standards (see `hudhud.evaluation.gsr`)."""
