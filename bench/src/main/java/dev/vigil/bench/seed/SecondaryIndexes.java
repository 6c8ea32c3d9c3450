package dev.vigil.bench.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexes of some tables that back no constraint, dropped for a bulk load and built again after it (one sort
 * each, instead of millions of random insertions), exactly as the schema defined them.
 */
final class SecondaryIndexes {

    private final Connection db;
    private final List<String> definitions = new ArrayList<>();

    private SecondaryIndexes(Connection db) {
        this.db = db;
    }

    static SecondaryIndexes drop(Connection db, List<String> tables) throws SQLException {
        SecondaryIndexes indexes = new SecondaryIndexes(db);
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement("select i.indexname, i.indexdef from pg_indexes i"
                + " where i.schemaname = current_schema() and i.tablename = any (?) and not exists (select 1 from"
                + " pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)")) {
            statement.setArray(1, db.createArrayOf("text", tables.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                    indexes.definitions.add(rows.getString(2));
                }
            }
        }
        try (Statement statement = db.createStatement()) {
            for (String name : names) {
                statement.execute("drop index " + name);
            }
        }
        return indexes;
    }

    void rebuild() throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("set maintenance_work_mem = '512MB'");
            for (String definition : definitions) {
                statement.execute(definition);
            }
        }
    }
}
