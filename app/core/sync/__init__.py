"""Exchange bundles between the two secretariats (issue 20): the shared records (:mod:`.shared`),
the file (:mod:`.bundle`), export and import (:mod:`.exchange`), the merge (:mod:`.merge`)."""
