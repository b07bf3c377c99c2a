"""Actor files kept in the database (the setting behind ``communique actors add``)."""

from __future__ import annotations


def test_store_actor_files_are_kept_replaced_and_removed(store):
    assert store.actor_files() == []
    store.save_actor_file("zeta.csv", "name,code\nRiver Guard,COD\n")
    store.save_actor_file("alpha.yaml", "- {name: Hill Front, code: UGA}\n")
    store.save_actor_file("zeta.csv", "name,code\nRiver Guard,RWA\n")
    rows = store.actor_files()
    assert [r["name"] for r in rows] == ["alpha.yaml", "zeta.csv"]  # the order they apply
    assert rows[1]["content"].endswith("RWA\n") and len(rows[1]["sha256"]) == 64
    assert store.remove_actor_file("alpha.yaml") is True
    assert store.remove_actor_file("alpha.yaml") is False
    assert [r["name"] for r in store.actor_files()] == ["zeta.csv"]
