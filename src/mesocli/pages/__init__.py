"""Pages: output-neutral documents built from the models, for every renderer."""
